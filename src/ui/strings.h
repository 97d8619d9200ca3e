// Every string the interface shows, in one table per language: Korean by default,
// English with ?lang=en. Templates take their values in order at each "{}".
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "app/page_json.h"

namespace newsroom::ui {

enum class Language : uint8_t { korean, english };

enum class Text : uint16_t {
  loading,
  load_downloading,  // {} bytes so far
  load_importing,    // {} articles, {} percent
  load_reading,      // {} articles, {} bytes read (the size not known yet)
  load_indexing,     // {} percent
  search_pending,
  load_failed,
  back_to_list,
  copy_link,
  share_facebook,
  share_x,
  print,
  none,
  previous_article,
  next_article,
  related_articles,
  article_not_found,  // {} id
  notice_prefix,      // "공지 · "
  meta_line,          // {} author, {} date, {} views
  no_body,
  source,
  attachments,
  link,
  attachment_tooltip,
  first_page,
  previous_page,
  next_page,
  last_page,
  empty_result,
  empty_remove_query,     // {} query
  empty_remove_category,  // {} category
  empty_widen_period,
  clear_search,
  all_categories_button,
  per_page,         // {} count
  card_meta_views,  // " · 조회 {}"
  search_summary,   // {} total, {} page, {} pages
  list_summary,     // {} total, {} page, {} pages
  column_number,
  column_category,
  column_title,
  column_author,
  column_date,
  column_views,
  notice,
  status_source,    // {} source, {} count
  status_exported,  // {} date
  status_problems,  // {} count
  status_failed,    // {} count
  status_skipped,   // {} count
  report_summary,   // {} source, {} loaded, {} skipped, {} problems
  report_whole_file,
  report_record,  // {} index
  report_more,    // {} count
  text_smaller,
  text_larger,
  field_title_body,
  field_title,
  field_body,
  field_author,
  search_hint,
  tab_all,
  period,
  period_all,
  with_attachments,
  sort_label,
  sort_relevance,
  sort_newest,
  sort_oldest,
  sort_most_viewed,
  sort_least_viewed,
  sort_title,
  sort_number,
  preview_loading,
  load_more,  // {} shown, {} total
  analytics_button,
  analytics_title,
  analytics_scope,
  to_list,
  figure_articles,
  figure_views,
  figure_median,
  figure_mean,
  figure_per_day,
  figure_downloads,
  figure_clicks,
  chart_months,
  chart_categories,
  chart_top,
  chart_views,
  chart_age,
  chart_authors,
  chart_downloads,
  legend_views,
  legend_articles,
  tooltip_group,
  tooltip_bin,
  tooltip_cell,
  tooltip_article,
  click_to_filter,
  click_to_open,
  axis_age,
  axis_views,
  filter_author,
  filter_views,
  filter_views_open,
  remove_filter,
  csv_button,
  csv_articles,
  analytics_empty,
  chart_trends,
  chart_rising,
  tooltip_gain,
  tooltip_rising,
  jump_flag,
  down_flag,
  trends_none,
  kiosk_hint,
  kiosk_freshness,  // {} date
  kiosk_stale,      // {} how old (age_text), {} limit in hours
  kiosk_position,   // {} n, {} of
  kiosk_phone,
  qr_title,
  qr_close,
  qr_error,        // {} why
  status_options,  // {} count
  options_title,
  kiosk_no_date,
  status_kept_previous,  // {} source, {} first problem
  status_saved,          // {} when saved
  status_check_failed,   // {} when, {} what
  status_image,          // the board came from a saved board image
  status_clear_images,   // the button that drops saved board images
  status_pick_file,      // the button that opens an export file as a local preview
  preview_title,         // {} file: the local preview bar (and the mirror's notice)
  preview_summary,       // {} added, {} removed, {} edited, {} views before, {} after, {} down, {} jumps
  preview_no_compare,    // a preview with no served board to compare with
  preview_unusable,      // a preview file that could not be used
  preview_back,          // the bar's button: the served data again
  report_compared,       // {} served source: the report's comparison heading
  report_added,          // {} count, {} ids
  report_removed,        // {} count, {} ids
  report_edited,         // {} count, {} ids (with the fields)
  report_down,           // {} count, {} ids
  report_jumps,          // {} count, {} ids
  age_hour,              // "1 hour": English has a singular (days and months are 2 or more)
  age_hours,             // {} count
  age_days,              // {} count
  age_months,            // {} count
  age_year,              // "1 year"
  age_years,             // {} count
  search_hint_short,     // the search box's hint where the whole one does not fit
  mirror_figures,        // the screen-reader mirror of #/analytics: the key figures' caption
  mirror_figure,         // the figures' names column
  mirror_value,          // the figures' values column
  mirror_month,          // the months table's first column
  mirror_view_range,     // "100–199": the views chart's and the age chart's bins
  mirror_days_old,       // "30–59": the age chart's columns
  mirror_between,        // two export dates: the trends table's first column
  mirror_gain,           // views gained between exports
  tags_label,            // the article's tags' label
  chart_tags,            // the analytics chart of views by tag
  column_tag,            // the tags table's first column
  filter_tag,            // {} tag: the list's tag filter, removable
  count                  // the number of texts, not a text
};

void set_language(Language language);
Language language();
const char* language_code();  // "ko", "en"

// The text in the current language, or in a given one.
const char* tr(Text text);
const char* tr(Text text, Language in);
// A template with its "{}" filled in order.
std::string tr(Text text, std::initializer_list<std::string_view> values);
std::string tr(Text text, std::initializer_list<std::string_view> values, Language in);

// How old something is, as people say it: in hours below two days, then in days below two
// months, in months below a year, then in years, each rounded down ("5시간", "3일",
// "2개월", "2년"; "5 hours", "3 days", "2 months", "2 years"). A month is 30.436875 days,
// a year 365.2425.
std::string age_text(int64_t hours);
std::string age_text(int64_t hours, Language in);

// The words of the screen-reader mirror in the current language (the Session sends it).
MirrorWords mirror_words();

}  // namespace newsroom::ui
