// The board: every article of an export, normalized once at import and stored as columns
// over one text arena, so that a 100k-article board is a few large vectors and blocks
// rather than millions of small strings.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newsroom {

class ImageReader;
class ImageWriter;

// A slice of the board's text arena.
struct TextRef {
  uint32_t offset = 0;
  uint32_t length = 0;
};

// The board's text, in blocks that never move: the arena grows by adding a block, never by
// copying what it holds, so a board read while its export downloads (its size unknown) never
// holds its text twice. A block takes up to kBlock bytes (the first ones less: small boards
// stay small); a text never spans two blocks, and a text longer than a block gets a block
// of its own. Offsets address a block's slot (offset >> kShift) and a place in it.
class TextArena {
 public:
  static constexpr unsigned kShift = 24;
  static constexpr size_t kBlock = size_t{1} << kShift;  // 16 MiB

  // Sizes the first block for about `bytes` of text (at most a block).
  void reserve(size_t bytes);
  TextRef store(std::string_view text);
  std::string_view view(TextRef ref) const {
    if (ref.length == 0) return {};  // also a TextRef{} of a board with no text
    const size_t slot = ref.offset >> kShift;
    const char* block = adopted_.empty() ? slots_[slot].data() : adopted_[slot].data();
    return std::string_view(block + (ref.offset & (kBlock - 1)), ref.length);
  }
  size_t size() const { return used_; }  // bytes of text held
  size_t capacity() const;               // bytes of the blocks
  // The blocks in a board image (each as long as its text: a board read back does not grow),
  // referenced by the writer until the image is copied out. load() copies them, or, given
  // the image's owner, keeps them where they are in the image (then holding it): a board
  // read back from a 100k image need not copy 200 MB of text into fresh memory.
  void save(ImageWriter& out) const;
  bool load(ImageReader& in, std::shared_ptr<const void> image = nullptr);
  bool holds(TextRef ref) const;  // the text lies within one block

 private:
  void add_block(size_t at_least);
  size_t blocks() const { return adopted_.empty() ? slots_.size() : adopted_.size(); }
  std::string_view block(size_t slot) const { return adopted_.empty() ? slots_[slot] : adopted_[slot]; }
  std::vector<std::string> slots_;  // a block per slot; a long text's block takes several (the rest empty)
  size_t current_ = 0;              // the slot of the block being filled
  size_t used_ = 0, wanted_ = 0;
  // Blocks kept in a board image instead (slots_ empty), and what keeps the image alive.
  std::vector<std::string_view> adopted_;
  std::shared_ptr<const void> image_;
};

// The row of each article id: open addressing with linear probing over a power-of-two
// table kept at most half full. One flat array, where a node-based map took an allocation
// per article (at 100k articles, the largest cost of building a board after its text).
class IdIndex {
 public:
  void reserve(size_t count);
  // Holds `row` for `id`: true when the id had a row already, which is then in `earlier`.
  bool assign(int64_t id, uint32_t row, uint32_t& earlier);
  std::optional<uint32_t> find(int64_t id) const;
  size_t size() const { return size_; }
  void clear();
  size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  struct Slot {
    int64_t id = 0;
    uint32_t row_plus_one = 0;  // 0: an empty slot
  };
  size_t slot_of(int64_t id) const;
  std::vector<Slot> slots_;
  size_t size_ = 0;
};

struct AttachmentRef {
  TextRef name, url;
  int64_t size = -1;       // bytes, -1 when the export does not say
  int64_t downloads = -1;  // -1 when the export does not say
};

struct LinkRef {
  TextRef title, url;
  int64_t clicks = -1;  // -1 when the export does not say
};

// Board-level metadata from the export header.
struct BoardInfo {
  std::string site = "전북국제협력진흥원";
  std::string title = "뉴스룸";
  std::vector<std::string> breadcrumb = {"Home", "홍보마당", "뉴스룸"};
  std::optional<int64_t> exported_at;  // UTC seconds
};

// One article as the importer hands it to the builder: already normalized text.
struct ArticleDraft {
  int64_t id = 0;
  int64_t number = 0;  // 번호; 0 for pinned notices, which show "공지" instead
  std::string category;
  std::string title;
  std::string author;
  int64_t published_at = 0;  // UTC seconds
  int64_t views = 0;
  bool pinned = false;
  std::string body;  // plain text, paragraphs separated by blank lines
  // Instead of `body`, when not empty: text that is already the body (the importer's view of
  // a record's text that needed no normalizing), valid only until BoardBuilder::add copies
  // it into the board. So a clean body is copied once, from the record into the board.
  std::string_view body_as_read;
  std::string summary;
  std::string source_name, source_url;
  struct Link {
    std::string title, url;
    int64_t clicks = -1;
  };
  std::vector<Link> links;
  struct Attachment {
    std::string name, url;
    int64_t size = -1, downloads = -1;
  };
  std::vector<Attachment> attachments;
  std::vector<std::string> tags;

  // Every field back as a new draft has it, keeping the memory of the texts and lists (a
  // reader that fills one draft per record allocates for its texts once, not per record).
  void clear() {
    id = number = published_at = views = 0;
    pinned = false;
    for (std::string* text : {&category, &title, &author, &body, &summary, &source_name, &source_url}) text->clear();
    body_as_read = {};
    links.clear();
    attachments.clear();
    tags.clear();
  }
};

// A read-only view of one article, valid as long as the board.
struct ArticleView {
  uint32_t index;
  int64_t id, number, published_at, views;
  bool pinned;
  std::string_view category, title, author, body, summary, source_name, source_url;
};

class Board {
 public:
  BoardInfo info;

  size_t size() const { return ids_.size(); }
  bool empty() const { return ids_.empty(); }

  ArticleView article(uint32_t index) const;
  // Everything about one article as a draft (for merging boards).
  ArticleDraft draft(uint32_t index) const;
  std::optional<uint32_t> find(int64_t id) const;
  std::string_view text(TextRef ref) const { return arena_.view(ref); }

  int64_t id(uint32_t index) const { return ids_[index]; }
  int64_t number(uint32_t index) const { return numbers_[index]; }
  int64_t published_at(uint32_t index) const { return published_at_[index]; }
  int64_t views(uint32_t index) const { return views_[index]; }
  bool pinned(uint32_t index) const { return pinned_[index] != 0; }
  uint16_t category_of(uint32_t index) const { return categories_[index]; }
  // The list's two orders by date and by views, each total (ties end in the id), shared by
  // the search, the analysis and the kiosk's playlists: published later first; more views
  // first, then the newer.
  bool newer(uint32_t a, uint32_t b) const {
    return published_at_[a] != published_at_[b] ? published_at_[a] > published_at_[b] : ids_[a] > ids_[b];
  }
  bool more_viewed(uint32_t a, uint32_t b) const {
    return views_[a] != views_[b] ? views_[a] > views_[b] : newer(a, b);
  }
  const std::vector<std::string>& category_names() const { return category_names_; }
  std::string_view title(uint32_t index) const { return text(titles_[index]); }
  std::string_view author(uint32_t index) const { return text(authors_[index]); }
  std::string_view body(uint32_t index) const { return text(bodies_[index]); }

  const std::vector<AttachmentRef>& attachments_of(uint32_t index) const { return attachments_[index]; }
  const std::vector<LinkRef>& links_of(uint32_t index) const { return links_[index]; }
  const std::vector<TextRef>& tags_of(uint32_t index) const { return tags_[index]; }

  // Board order, as the original board lists articles: pinned notices first (newest
  // first), then by number descending, then newest first. Built once by the builder.
  const std::vector<uint32_t>& board_order() const { return board_order_; }

  size_t arena_bytes() const { return arena_.size(); }

  // The board in a board image (io/board_image.h): its columns and text as they are, so that
  // reading it back is copying, not importing (the writer references the columns: the board
  // must not change until the image is copied out). load() checks every text reference,
  // category and row it reads, and gives nothing for bytes save() did not write. Given the
  // image's owner, the board keeps its text where it is in the image (TextArena::load).
  void save(ImageWriter& out) const;
  static std::optional<Board> load(ImageReader& in, std::shared_ptr<const void> image = nullptr);

 private:
  friend class BoardBuilder;
  TextArena arena_;
  std::vector<int64_t> ids_, numbers_, published_at_, views_;
  std::vector<uint8_t> pinned_;
  std::vector<uint16_t> categories_;
  std::vector<std::string> category_names_;
  std::vector<TextRef> titles_, authors_, bodies_, summaries_, source_names_, source_urls_;
  std::vector<std::vector<AttachmentRef>> attachments_;
  std::vector<std::vector<LinkRef>> links_;
  std::vector<std::vector<TextRef>> tags_;
  IdIndex index_of_id_;
  std::vector<uint32_t> board_order_;
};

// Appends drafts straight into the board's columns and arena (no second copy of the
// text), then finishes the board order. A later draft with an id already seen replaces
// the earlier one (the importer reports it); `add` returns true in that case.
class BoardBuilder {
 public:
  // Expected text bytes: sizes the arena's first block (it grows past it by blocks).
  void reserve_text(size_t bytes) { board_.arena_.reserve(bytes); }
  bool add(const ArticleDraft& draft);
  size_t size() const { return board_.ids_.size() - replaced_; }
  // About how much memory the board takes so far (columns, lists, the id index, text): the
  // importer's budget. Counts capacities, walks no text.
  size_t memory_bytes() const;
  // Articles whose category came past the 65,535th distinct one: shown under kMoreCategories.
  size_t folded_categories() const { return folded_categories_; }
  static constexpr size_t kMaxCategories = 65536;
  static constexpr const char* kMoreCategories = "(more categories)";
  Board build(BoardInfo info) &&;

 private:
  void drop_replaced_rows();

  Board board_;
  std::vector<uint8_t> replaced_row_;  // rows superseded by a later record with their id
  size_t replaced_ = 0;
  size_t list_bytes_ = 0;  // the attachments', links' and tags' entries
  size_t folded_categories_ = 0;
  std::string more_categories_ = kMoreCategories;  // as a key of category_index_
  std::unordered_map<std::string, uint16_t> category_index_;
  // Authors and tags repeat across a board (a few dozen distinct ones in 100k articles):
  // each distinct text is stored once and its TextRef shared, for the first kInterned of
  // them (a board of ever new tags stores the rest as they come). Keys view the arena,
  // whose blocks never move. 100k realistic articles: 5 MB less text, in memory and images.
  static constexpr size_t kInterned = 4096;
  TextRef interned(std::string_view text);
  std::unordered_map<std::string_view, TextRef> interned_;
};

}  // namespace newsroom
