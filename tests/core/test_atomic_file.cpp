// Files written whole: a write that fails half way leaves the target as it
// was and no temporary beside it; a complete one replaces the target.
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "core/atomic_file.h"
#include "core/platform.h"

namespace fs = std::filesystem;

namespace {

struct Folder {
    std::string path;
    Folder() { path = cchc::CreateTempDir("cchc-atomic-"); }
    ~Folder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string File(const std::string& name) const { return path + "/" + name; }
    int Entries() const {
        int n = 0;
        for (const auto& e : fs::directory_iterator(path)) n += e.is_regular_file() ? 1 : 0;
        return n;
    }
};

std::string Read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void Put(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(atomic_file)

BOOST_AUTO_TEST_CASE(a_writer_that_throws_midway_leaves_the_target_intact) {
    Folder dir;
    const std::string target = dir.File("report.pdf");
    Put(target, "the previous report");
    std::string temp;
    BOOST_CHECK_THROW(cchc::WriteFileAtomically(target,
                                                [&](const std::string& t) {
                                                    temp = t;
                                                    Put(t, "half of a new rep");
                                                    throw std::runtime_error("disk full");
                                                }),
                      std::runtime_error);
    BOOST_TEST(Read(target) == "the previous report");
    BOOST_TEST(!fs::exists(temp));
    BOOST_TEST(dir.Entries() == 1);
    // The temporary was beside the target, hidden.
    BOOST_TEST(fs::path(temp).parent_path() == fs::path(target).parent_path());
    BOOST_TEST(fs::path(temp).filename().string().rfind(".report.pdf.tmp-", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(a_complete_write_replaces_the_target_whole) {
    Folder dir;
    const std::string target = dir.File("export.csv");
    Put(target, std::string(100000, 'x'));
    fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    cchc::WriteFileAtomically(target, std::string("a,b\n1,2\n"));
    BOOST_TEST(Read(target) == "a,b\n1,2\n");
    BOOST_TEST(dir.Entries() == 1);
    // The target keeps its permissions.
    BOOST_TEST(
        static_cast<int>(fs::status(target).permissions() & fs::perms::all) ==
        static_cast<int>(fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
    // A new file is created as well.
    cchc::WriteFileAtomically(dir.File("new.txt"), std::string("new"));
    BOOST_TEST(Read(dir.File("new.txt")) == "new");
    BOOST_TEST(dir.Entries() == 2);
}

BOOST_AUTO_TEST_CASE(an_object_dropped_without_commit_writes_nothing) {
    Folder dir;
    const std::string target = dir.File("backup.db");
    {
        cchc::AtomicFile file(target);
        Put(file.TempPath(), "partial");
        BOOST_TEST(fs::exists(file.TempPath()));
    }
    BOOST_TEST(!fs::exists(target));
    BOOST_TEST(dir.Entries() == 0);
    BOOST_CHECK_THROW(cchc::AtomicFile(dir.File("no/such/folder/x.pdf")), std::exception);
}

BOOST_AUTO_TEST_SUITE_END()
