// File dialogs open in the user's documents folder, not in the working
// directory, which may be the folder of the database: a dialog listing the
// database's folder reads its files to tell their type.
#include <wx/filefn.h>
#include <wx/filename.h>
#include <wx/stdpaths.h>
#include <wx/utils.h>
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include "gui/shell/gui_util.h"
#include "test_support.h"

using namespace cchc;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(file_folders)

BOOST_AUTO_TEST_CASE(file_dialogs_open_in_the_users_folder_not_the_databases) {
    test::TempDir dir;  // the database's folder, where the program was started
    const fs::path previous = fs::current_path();
    fs::current_path(dir.path());
    const wxString folder = gui::UserFilesFolder();
    fs::current_path(previous);

    BOOST_TEST(wxDirExists(folder));
    BOOST_TEST(!fs::equivalent(fs::path(gui::ToU8(folder)), fs::path(dir.path())));
    const wxString documents = wxStandardPaths::Get().GetDocumentsDir();
    BOOST_TEST((folder == documents || folder == wxGetHomeDir()));
}

BOOST_AUTO_TEST_SUITE_END()
