// What differs between Linux and Windows, behind one interface: unique
// temporary files and folders (never an existing one), replacing a file in
// one step, the program's folder and the user's.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "core/platform.h"

namespace fs = std::filesystem;

namespace {

std::string Read(const std::string& path) {
    std::ifstream in(fs::u8path(path), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct TempFolder {
    std::string path = cchc::CreateTempDir("cchc-platform-");
    ~TempFolder() {
        std::error_code ec;
        fs::remove_all(fs::u8path(path), ec);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(platform)

BOOST_AUTO_TEST_CASE(temporary_folders_and_files_are_new_and_distinct) {
    TempFolder folder;
    BOOST_TEST(fs::is_directory(fs::u8path(folder.path)));
    BOOST_TEST(fs::u8path(folder.path).filename().u8string().rfind("cchc-platform-", 0) == 0u);
    std::set<std::string> made;
    for (int i = 0; i < 50; ++i) {
        const std::string f = cchc::CreateUniqueFile(folder.path, "Biên bản ", ".csv");
        BOOST_TEST(fs::is_regular_file(fs::u8path(f)));
        BOOST_TEST(fs::file_size(fs::u8path(f)) == 0u);
        BOOST_TEST(fs::u8path(f).extension().u8string() == ".csv");
        made.insert(f);
    }
    BOOST_TEST(made.size() == 50u);
    const std::string t = cchc::CreateTempFile("cchc-platform-test-");
    BOOST_TEST(fs::is_regular_file(fs::u8path(t)));
    fs::remove(fs::u8path(t));
}

BOOST_AUTO_TEST_CASE(a_folder_that_cannot_be_written_is_named_in_the_error) {
    TempFolder folder;
    const std::string missing = folder.path + "/không có";
    BOOST_CHECK_EXCEPTION(cchc::CreateUniqueFile(missing, "x-"), std::runtime_error,
                          [&](const std::runtime_error& e) {
                              return std::string(e.what()).find(missing) != std::string::npos;
                          });
}

BOOST_AUTO_TEST_CASE(replacing_a_file_swaps_its_content_whole) {
    TempFolder folder;
    const std::string target = folder.path + "/báo cáo.txt";
    const std::string fresh = folder.path + "/mới.txt";
    std::ofstream(fs::u8path(target), std::ios::binary) << "cũ";
    std::ofstream(fs::u8path(fresh), std::ios::binary) << "mới";
    BOOST_TEST(cchc::FlushFileToDisk(fresh) == 0);
    BOOST_TEST(cchc::MoveFileOver(fresh, target) == 0);
    BOOST_TEST(Read(target) == "mới");
    BOOST_TEST(!fs::exists(fs::u8path(fresh)));
    // A source that is not there: an error number, the target untouched.
    BOOST_TEST(cchc::MoveFileOver(fresh, target) != 0);
    BOOST_TEST(Read(target) == "mới");
    BOOST_TEST(!cchc::SystemMessage(cchc::MoveFileOver(fresh, target)).empty());
}

BOOST_AUTO_TEST_CASE(the_program_folder_and_the_user_are_known) {
    const fs::path exeDir = fs::u8path(cchc::ExecutableDir());
    BOOST_TEST(fs::is_directory(exeDir));
    BOOST_TEST(fs::exists(exeDir / "test_core") != fs::exists(exeDir / "test_core.exe"));
    BOOST_TEST(!cchc::UserDataHome().empty());
    BOOST_TEST(!cchc::LoginName().empty());
}

BOOST_AUTO_TEST_SUITE_END()
