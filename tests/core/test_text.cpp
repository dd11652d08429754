// Tests of core/text: the strict UTF-8 check, excerpts for messages and
// whole numbers read with a range.
#include <boost/test/unit_test.hpp>

#include <string>

#include "core/text.h"

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(valid_utf8_is_accepted) {
    BOOST_TEST(cchc::IsValidUtf8(""));
    BOOST_TEST(cchc::IsValidUtf8("Xã Tây Xuân, huyện Tây Sơn"));
    BOOST_TEST(cchc::IsValidUtf8("\xF0\x9F\x98\x80 emoji and plain ASCII text of some length"));
    BOOST_TEST(cchc::IsValidUtf8("\xEF\xBF\xBF\xF4\x8F\xBF\xBF"));  // U+FFFF, U+10FFFF
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_found_where_it_starts) {
    BOOST_TEST(cchc::FindInvalidUtf8("X\xE3 A") == 1u);                     // Windows-1258
    BOOST_TEST(cchc::FindInvalidUtf8("abcdefghij\xC0\x80") == 10u);         // overlong NUL
    BOOST_TEST(cchc::FindInvalidUtf8("ab\xE0\x80\xAF") == 2u);              // overlong '/'
    BOOST_TEST(cchc::FindInvalidUtf8("\xED\xA0\x80") == 0u);                // surrogate
    BOOST_TEST(cchc::FindInvalidUtf8("\xF4\x90\x80\x80") == 0u);            // past U+10FFFF
    BOOST_TEST(cchc::FindInvalidUtf8("ok \xE1\xBA") == 3u);                 // truncated
    BOOST_TEST(cchc::FindInvalidUtf8("\x80") == 0u);                        // lone continuation
    BOOST_TEST(cchc::FindInvalidUtf8(std::string("12345678\0", 9)) == 8u);  // NUL
    BOOST_TEST(!cchc::IsValidUtf8("\xFF"));
}

BOOST_AUTO_TEST_CASE(excerpts_are_cut_at_whole_characters) {
    BOOST_TEST(cchc::Excerpt("short") == "short");
    BOOST_TEST(cchc::Excerpt(std::string(60, 'x')) == std::string(60, 'x'));
    BOOST_TEST(cchc::Excerpt(std::string(10'000'000, 'x')) == std::string(60, 'x') + "…");
    BOOST_TEST(cchc::Excerpt("Đặng Thị Ánh", 4) == "Đặng…");
    BOOST_TEST(cchc::Utf8Length("Đặng Thị Ánh") == 12u);
}

BOOST_AUTO_TEST_CASE(excerpts_are_utf8_on_one_line_whatever_they_quote) {
    // Bytes that are not UTF-8 (a raw XML attribute, a file in another
    // encoding) count as characters and show as U+FFFD: ten million stray
    // continuation bytes are not echoed whole.
    const std::string stray = cchc::Excerpt(std::string(10'000'000, '\x80'));
    BOOST_TEST(stray == [] {
        std::string s;
        for (int i = 0; i < 60; ++i) s += "\xEF\xBF\xBD";
        return s + "…";
    }());
    BOOST_TEST(cchc::IsValidUtf8(cchc::Excerpt("X\xE3 A")));
    BOOST_TEST(cchc::Excerpt("X\xE3 A") == "X\xEF\xBF\xBD A");
    BOOST_TEST(cchc::Excerpt(std::string("a\0b", 3)) ==
               "a\xEF\xBF\xBD"
               "b");
    BOOST_TEST(cchc::Excerpt("line 1\nline 2\ttab") == "line 1 line 2 tab");
    BOOST_TEST(cchc::Excerpt("Đ\xED\xA0\x80", 2) == "Đ\xEF\xBF\xBD…");
}

BOOST_AUTO_TEST_CASE(integers_are_read_within_their_range) {
    BOOST_TEST(*cchc::ParseInteger("55", 0, 100) == 55);
    BOOST_TEST(*cchc::ParseInteger("+7", 0, 100) == 7);
    BOOST_TEST(*cchc::ParseInteger("-3", -5, 5) == -3);
    BOOST_TEST(!cchc::ParseInteger("101", 0, 100));
    BOOST_TEST(!cchc::ParseInteger("12345678901234567890", 0, 100));
    BOOST_TEST(!cchc::ParseInteger("99999999999999999999999999", 0, 1LL << 62));
    BOOST_TEST(!cchc::ParseInteger("", 0, 100));
    BOOST_TEST(!cchc::ParseInteger("5 ", 0, 100));
    BOOST_TEST(!cchc::ParseInteger("5.0", 0, 100));
    BOOST_TEST(!cchc::ParseInteger("+-5", -10, 100));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(texts_are_joined_with_their_separator) {
    BOOST_TEST(cchc::JoinTexts({}).empty());
    BOOST_TEST(cchc::JoinTexts({"Xã Tây Xuân"}) == "Xã Tây Xuân");
    BOOST_TEST(cchc::JoinTexts({"Xã Tây Xuân", "Xã Bình Hòa"}) == "Xã Tây Xuân, Xã Bình Hòa");
    BOOST_TEST(cchc::JoinTexts({"a", "b", "c"}, "; ") == "a; b; c");
}

BOOST_AUTO_TEST_CASE(json_strings_are_quoted_and_escaped_keeping_utf8) {
    BOOST_TEST(cchc::JsonQuoted("Xã \"An\"\\\n\t\x01") == "\"Xã \\\"An\\\"\\\\\\n\\t\\u0001\"");
    BOOST_TEST(cchc::JsonQuoted("") == "\"\"");
}
