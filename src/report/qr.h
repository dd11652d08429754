// QR codes for the document's QR blocks and cards: text (UTF-8, usually a
// rating URL) encoded with libqrencode into a square matrix of modules.
#pragma once
#include <string>
#include <vector>

namespace cchc::report {

struct QrMatrix {
    int size = 0;            // modules per side, without quiet zone
    std::vector<bool> dark;  // size × size, row by row
    bool Dark(int row, int col) const { return dark[static_cast<size_t>(row) * size + col]; }
};

// Error correction level M. Throws std::runtime_error when the text is too
// long for a QR code.
QrMatrix EncodeQr(const std::string& text);

}  // namespace cchc::report
