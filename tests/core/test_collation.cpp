// Tests of core/collation.h: Vietnamese order through ICU's "vi" collation,
// sort keys, folding for search, and use from several threads.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "core/collation.h"

BOOST_AUTO_TEST_SUITE(collation)

BOOST_AUTO_TEST_CASE(pairs_in_order) {
    // Each pair: first sorts strictly before second.
    const std::pair<const char*, const char*> cases[] = {
        {"Dương", "Đào"},
        {"Anh", "Ánh"},
        {"An", "Anh"},
        {"Anh", "Ăn"},
        {"Ăn", "Ân"},
        {"Ánh", "Ăn"},
        {"A", "Ă"},
        {"Ă", "Â"},
        {"Â", "B"},
        {"D", "Đ"},
        {"Đ", "E"},
        {"E", "Ê"},
        {"O", "Ô"},
        {"Ô", "Ơ"},
        {"Ơ", "P"},
        {"U", "Ư"},
        {"Ư", "V"},
        {"Dz", "Đa"},
        {"ma", "mà"},
        {"mà", "mả"},
        {"mả", "mã"},
        {"mã", "má"},
        {"má", "mạ"},
        {"ma", "mạ"},
        // Numbers by value: a city's wards, a test office's communes.
        {"Phường 2", "Phường 10"},
        {"Xã Số 9", "Xã Số 100"},
        {"Xã Số 101", "Xã Số 1000"},
        {"Nguyễn Văn A", "Nguyễn Văn B"},
        {"Lê", "Lý"},
        {"Oanh", "Ông"},
        {"Ông", "Ơn"},
        {"Uyên", "Ưng"},
        {"Bình", "Bính"},
    };
    for (const auto& [a, b] : cases) {
        BOOST_TEST_CONTEXT(a << " < " << b) {
            BOOST_TEST(cchc::CompareVietnamese(a, b) < 0);
            BOOST_TEST(cchc::CompareVietnamese(b, a) > 0);
            BOOST_TEST(cchc::VietnameseLess(a, b));
            BOOST_TEST(!cchc::VietnameseLess(b, a));
            BOOST_TEST(cchc::VietnameseLessFn{}(a, b));
            // Plain std::string order (bytes as unsigned), not Boost's collection compare.
            BOOST_TEST((cchc::SortKey(a) < cchc::SortKey(b)));
        }
    }
}

BOOST_AUTO_TEST_CASE(equal_and_normalisation) {
    BOOST_TEST(cchc::CompareVietnamese("Ánh", "Ánh") == 0);
    BOOST_TEST(cchc::CompareVietnamese("", "") == 0);
    BOOST_TEST(cchc::CompareVietnamese("", "A") < 0);
    // "Ánh" precomposed (NFC) and decomposed (NFD: A + U+0301) are equal.
    BOOST_TEST(cchc::CompareVietnamese("\xC3\x81nh", "A\xCC\x81nh") == 0);
    BOOST_TEST(cchc::SortKey("\xC3\x81nh") == cchc::SortKey("A\xCC\x81nh"));
    // Ordinary ASCII text keeps its expected order.
    BOOST_TEST(cchc::CompareVietnamese("abc", "abd") < 0);
    BOOST_TEST(cchc::CompareVietnamese("a", "B") < 0);
}

const std::vector<std::string> kExpected = {"Anh", "Ă",      "Ân",  "Bùi", "Dương", "Đặng",
                                            "Lê",  "Nguyễn", "Ông", "Ơn",  "Uyên",  "Ưng"};
const std::vector<std::string> kShuffled = {"Đặng", "Bùi",    "Dương", "Anh", "Ân",   "Ă",
                                            "Lê",   "Nguyễn", "Ông",   "Ơn",  "Uyên", "Ưng"};

BOOST_AUTO_TEST_CASE(sort_names) {
    std::vector<std::string> w = kShuffled;
    std::sort(w.begin(), w.end(), cchc::VietnameseLessFn{});
    BOOST_TEST(w == kExpected, boost::test_tools::per_element());

    std::vector<std::string> r(kExpected.rbegin(), kExpected.rend());
    std::sort(r.begin(), r.end(), [](const std::string& a, const std::string& b) {
        return cchc::SortKey(a) < cchc::SortKey(b);
    });
    BOOST_TEST(r == kExpected, boost::test_tools::per_element());

    std::vector<std::string> tones = {"mạ", "má", "mã", "mả", "mà", "ma"};
    std::sort(tones.begin(), tones.end(), cchc::VietnameseLessFn{});
    const std::vector<std::string> toneOrder = {"ma", "mà", "mả", "mã", "má", "mạ"};
    BOOST_TEST(tones == toneOrder, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(several_threads) {
    std::vector<std::vector<std::string>> results(8, kShuffled);
    std::vector<int> comparesOk(results.size(), 0);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < results.size(); ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 200; ++round) {
                std::vector<std::string> v = kShuffled;
                if (t % 2 == 0)
                    std::sort(v.begin(), v.end(), [](const std::string& a, const std::string& b) {
                        return cchc::SortKey(a) < cchc::SortKey(b);
                    });
                else
                    std::sort(v.begin(), v.end(), cchc::VietnameseLessFn{});
                if (v == kExpected && cchc::FoldForSearch("Đặng Thị Ánh") == "dang thi anh")
                    ++comparesOk[t];
                results[t] = v;
            }
        });
    }
    for (auto& th : threads) th.join();
    for (std::size_t t = 0; t < results.size(); ++t) {
        BOOST_TEST_CONTEXT("thread " << t) {
            BOOST_TEST(comparesOk[t] == 200);
            BOOST_TEST(results[t] == kExpected, boost::test_tools::per_element());
        }
    }
}

BOOST_AUTO_TEST_CASE(fold_for_search) {
    const std::pair<const char*, const char*> cases[] = {
        {"Đặng Thị Ánh", "dang thi anh"},
        {"NGUYỄN VĂN ĐỨC", "nguyen van duc"},
        {"Ưng Hoàng Phúc", "ung hoang phuc"},
        {"Phường 5, Quận Bình Thạnh", "phuong 5, quan binh thanh"},
        {"Ơn Ông Ân Ăn", "on ong an an"},
        {"A\xCC\x81nh", "anh"},  // decomposed input
        {"Ðinh", "dinh"},        // Eth typed instead of Đ
        {"Xã Tây Xuân", "xa tay xuan"},
        {"", ""},
        {"abc-123", "abc-123"},
    };
    for (const auto& [text, folded] : cases) {
        BOOST_TEST_CONTEXT(text) { BOOST_TEST(cchc::FoldForSearch(text) == folded); }
    }
    // Diacritic-insensitive substring search.
    BOOST_TEST(cchc::FoldForSearch("Bộ phận Một cửa").find(cchc::FoldForSearch("MOT CUA")) !=
               std::string::npos);
}

// "Did you mean": the names nearest to one that matched nothing, by any
// of their forms, folded; nothing when none is near.
BOOST_AUTO_TEST_CASE(the_nearest_names_to_one_that_matched_nothing) {
    const std::vector<std::vector<std::string>> fields = {
        {"Tư pháp - Hộ tịch", "HOTICH", "Hộ tịch"},
        {"Chứng thực", "CHUNGTHUC"},
        {"Đất đai", "DATDAI"},
        {"Lao động - Thương binh và Xã hội", "LDTBXH", "Thương binh và Xã hội"}};
    BOOST_TEST((cchc::NearestTexts("Hộ tịc", fields) == std::vector<std::size_t>{0}));
    BOOST_TEST((cchc::NearestTexts("ho tich xyz", fields) == std::vector<std::size_t>{0}));
    BOOST_TEST((cchc::NearestTexts("Dat dia", fields) == std::vector<std::size_t>{2}));
    BOOST_TEST((cchc::NearestTexts("CHUNG THUC", fields) == std::vector<std::size_t>{1}));
    BOOST_TEST(cchc::NearestTexts("Giao thông vận tải", fields).empty());
    BOOST_TEST(cchc::NearestTexts("", fields).empty());
    BOOST_TEST(cchc::NearestTexts("a", fields).empty());
    BOOST_TEST(cchc::NearestTexts("Hộ tịch", fields, 0).empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(people_sort_by_given_name_first) {
    std::vector<std::string> names = {"Trần Thị Bình", "Lê Văn An", "Nguyễn Thị Ánh", "Đỗ Văn An"};
    std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
        return cchc::VietnameseNameLess(a, b);
    });
    std::vector<std::string> expected = {"Đỗ Văn An", "Lê Văn An", "Nguyễn Thị Ánh",
                                         "Trần Thị Bình"};
    BOOST_TEST(names == expected, boost::test_tools::per_element());
}

// The key stored for sorting in the database orders as CompareVietnamese
// does on names and tasks: letters of the Vietnamese alphabet, tones, case,
// numbers by value, spaces and punctuation, decomposed input. Whatever ICU
// the program runs with, a key is the same bytes.
BOOST_AUTO_TEST_CASE(stored_sort_keys_order_as_vietnamese_collation) {
    std::vector<std::string> words = {"Anh",
                                      "Ánh",
                                      "Ăn",
                                      "Ân",
                                      "anh",
                                      "ANH",
                                      "an",
                                      "ăn",
                                      "Ba",
                                      "Bà",
                                      "Bả",
                                      "Bã",
                                      "Bá",
                                      "Bạ",
                                      "Dương",
                                      "Đông",
                                      "Đường",
                                      "dương",
                                      "Em",
                                      "Êm",
                                      "Fa",
                                      "Gia",
                                      "Hà Nội",
                                      "Hàng",
                                      "Hà",
                                      "Ô tô",
                                      "Ơn",
                                      "Ong",
                                      "Ông",
                                      "Ư",
                                      "Uyên",
                                      "Ưng",
                                      "Vân",
                                      "Wifi",
                                      "Xã Tây Xuân",
                                      "Xã Tây Sơn",
                                      "Xã A",
                                      "XãA",
                                      "Phường 2",
                                      "Phường 10",
                                      "Phường 1",
                                      "Phường 02",
                                      "Phường 9",
                                      "Yên",
                                      "Zalo",
                                      "Tuyên truyền thủ tục hành chính",
                                      "Tuyên truyền, phổ biến",
                                      "Tuyên truyền - phổ biến",
                                      "Tăng cường",
                                      "Tầng",
                                      "Rà soát quy trình",
                                      "Rà soát, cập nhật văn bản",
                                      "Nâng cao chất lượng",
                                      "Kiểm tra công vụ",
                                      "1.1",
                                      "1.10",
                                      "1.2",
                                      "2.3",
                                      "",
                                      " ",
                                      "Lê Văn An",
                                      "Lê Văn Ân",
                                      "Nguyễn Thị Ánh",
                                      "Đỗ Văn An",
                                      "Ðinh",
                                      "Đinh"};
    std::vector<std::string> byIcu = words, byKey = words;
    std::stable_sort(byIcu.begin(), byIcu.end(), [](const std::string& a, const std::string& b) {
        return cchc::CompareVietnamese(a, b) < 0;
    });
    std::stable_sort(byKey.begin(), byKey.end(), [](const std::string& a, const std::string& b) {
        return cchc::StoredSortKey(a) < cchc::StoredSortKey(b);
    });
    BOOST_TEST(byKey == byIcu, boost::test_tools::per_element());
    // Decomposed text has the key of composed text; the key is printable
    // ASCII and the level separator only.
    BOOST_TEST(cchc::StoredSortKey("A\xCC\x81nh") == cchc::StoredSortKey("Ánh"));
    for (const auto& w : words)
        for (unsigned char c : cchc::StoredSortKey(w))
            BOOST_TEST((c == 1 || (c >= 0x20 && c < 0x7F)), w);
    BOOST_TEST(cchc::StoredSortKey("Ánh") ==
               "ARL"
               "\x01"
               "eaa"
               "\x01"
               "baa");
}

// What a search compares: folded, each run of spaces one space, none at the ends.
BOOST_AUTO_TEST_CASE(search_keys_fold_and_collapse_spaces) {
    BOOST_TEST(cchc::SearchKey("  Tăng_cường\ttuyên \xC2\xA0 truyền ") ==
               "tang cuong tuyen truyen");
    BOOST_TEST(cchc::SearchKey("Bộ phận\xE2\x80\x8BMột cửa") == "bo phanmot cua");
    BOOST_TEST(cchc::SearchKey("") == "");
    BOOST_TEST(cchc::SearchKey("1.1 Niêm yết").find(cchc::SearchKey("NIEM  YET")) !=
               std::string::npos);
}

// A stored key is of the text's first characters only, so that an index
// takes it: texts alike that far sort as equals (then by the board's order).
BOOST_AUTO_TEST_CASE(stored_sort_keys_are_of_the_first_characters) {
    const std::string same(cchc::kStoredSortLength, 'a');
    BOOST_TEST(cchc::StoredSortKey(same + "b") == cchc::StoredSortKey(same + "c"));
    BOOST_TEST(cchc::StoredSortKey(same.substr(1) + "b") <
               cchc::StoredSortKey(same.substr(1) + "c"));
    BOOST_TEST(cchc::StoredSortKey(std::string(5000, 'x')).size() < 400u);
}
