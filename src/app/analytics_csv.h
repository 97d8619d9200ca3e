// The analytics view's numbers as CSV files for a spreadsheet: one table per chart, the
// key figures, and every article of the analysed result. UTF-8 with a byte-order mark
// (Excel then reads Hangul correctly), CRLF line ends, RFC 4180 quoting; a cell that a
// spreadsheet would run as a formula (=, +, -, @ first) starts with an apostrophe.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/analytics.h"
#include "core/board.h"
#include "core/trends.h"

namespace newsroom {

// The tables: "figures", "months", "categories", "top", "views", "age", "authors",
// "downloads", "trends", "rising", "articles".
const std::vector<std::string_view>& analytics_tables();

// The CSV text of one table, or "" for a name not in analytics_tables(). `rows` is the
// analysed result (for "articles").
std::string analytics_csv(const Board& board, const Analytics& analytics, const Trends& trends,
                          std::span<const uint32_t> rows, std::string_view table);

// One cell, quoted when it holds a comma, quote or line break, guarded against formulas.
std::string csv_cell(std::string_view text);

}  // namespace newsroom
