// Sorting and searching Vietnamese names the way readers expect: ICU's "vi"
// collation (A < Ă < Â, D < Đ, O < Ô < Ơ, U < Ư; tones compared after the
// letters: unmarked < huyền < hỏi < ngã < sắc < nặng, so "Anh" < "Ánh" <
// "Ăn" < "Ân"; numbers by value, so "Phường 2" < "Phường 10"), and a folded
// form for diacritic-insensitive filtering.
// All functions take UTF-8 and are safe to call from several threads (each
// thread uses its own collator). Invalid UTF-8 sequences count as U+FFFD.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace cchc {

// < 0, 0 or > 0 as a sorts before, equal to, or after b. If ICU could not
// open any collator the comparison falls back to bytes.
int CompareVietnamese(std::string_view a, std::string_view b);
bool VietnameseLess(std::string_view a, std::string_view b);

// Comparator for std::sort, std::map, ...
struct VietnameseLessFn {
    bool operator()(std::string_view a, std::string_view b) const { return VietnameseLess(a, b); }
};

// ICU sort key: comparing two keys as byte strings (std::string's operator<)
// gives the same order as CompareVietnamese. Compute once per item to sort
// long lists quickly. The trailing NUL ICU writes is not included. Keys are
// only comparable within one ICU version: do not store them.
std::string SortKey(std::string_view text);

// Lower case, diacritics removed, đ/Đ -> d: "Đặng Thị Ánh" -> "dang thi anh".
// Compare folded text with folded text (e.g. substring search).
std::string FoldForSearch(std::string_view text);

// The folded text a search compares (FoldForSearch), with every run of
// spaces, tabs, line breaks, no-break spaces and underscores made one space,
// none at either end, and invisible characters (zero-width space, BOM)
// left out: "  Tăng_cường\ttuyên " -> "tang cuong tuyen". A search for a
// text matches the texts whose SearchKey contains its SearchKey.
std::string SearchKey(std::string_view text);

// "Did you mean": the candidates nearest to a text that matched none,
// each given in the forms it is known by (a field's full name and the name
// without its group, a unit's name and the name without its kind, a code).
// Compared folded (SearchKey); a candidate's distance is the edit distance,
// in folded characters, of the nearest of its forms, a form that contains
// the text or is contained in it counting as 1. Those within a third of
// the text's length (at least 2), at most `most`, nearest first, ties in
// the given order.
std::vector<std::size_t> NearestTexts(std::string_view text,
                                      const std::vector<std::vector<std::string>>& candidates,
                                      std::size_t most = 3);

// A key to sort by in a database, where ICU's SortKey may not be stored
// (of the text's first kStoredSortLength characters, so that an index
// takes it):
// comparing two keys byte by byte gives the order of CompareVietnamese for
// the text of names and tasks (the letters of the Vietnamese alphabet, with
// f, j, w and z in their Latin places, then the tones, then lower before
// upper case; numbers by value; spaces, then punctuation, then digits,
// then letters, then other scripts; ð as a d with a mark). Defined here and not by ICU's version,
// so the order stays when ICU is upgraded. Printable ASCII between bytes
// 0x01 that separate its levels, so that it sorts the same as text in
// SQLite and in PostgreSQL's "C" collation.
std::string StoredSortKey(std::string_view text);
inline constexpr int kStoredSortLength = 100;

}  // namespace cchc

namespace cchc {
// Orders people's names the way Vietnamese lists do: by the given name (the
// last word), then by the whole name ("Lê Văn An" before "Trần Thị Bình").
bool VietnameseNameLess(std::string_view a, std::string_view b);
}  // namespace cchc
