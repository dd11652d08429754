// Files written whole or not at all. The bytes go to a temporary file beside
// the target (same folder, ".<name>.tmp-XXXXXX"), which is flushed to disk
// and then renamed over the target only when complete; when writing fails
// (an error, an exception, the process killed) the target keeps its old
// content and the temporary is removed (or, after a kill, left as a hidden
// ".tmp-" file that is never mistaken for the target).
#pragma once
#include <functional>
#include <string>

namespace cchc {

class AtomicFile {
  public:
    // Creates the temporary beside target; UserError naming the target when
    // its folder cannot be written.
    explicit AtomicFile(std::string target);
    // Removes the temporary unless Commit() succeeded.
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    // Where to write: an empty file that exists.
    const std::string& TempPath() const { return temp_; }
    const std::string& Target() const { return target_; }

    // Flushes the temporary to disk, gives it the target's permissions (or
    // the usual ones for a new file) and renames it over the target.
    // UserError naming the target when any step fails (the temporary is
    // then removed).
    void Commit();
    // Removes the temporary; the target stays as it was.
    void Discard() noexcept;

  private:
    std::string target_;
    std::string temp_;
    bool done_ = false;
};

// Calls write(tempPath), which writes the whole file at tempPath (it exists
// and is empty), then commits it over path. When write throws, the
// temporary is removed, path is untouched and the exception goes on.
void WriteFileAtomically(const std::string& path,
                         const std::function<void(const std::string& tempPath)>& write);
// The bytes as the whole content of path.
void WriteFileAtomically(const std::string& path, const std::string& bytes);

}  // namespace cchc
