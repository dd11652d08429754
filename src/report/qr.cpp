#include "report/qr.h"

#include <qrencode.h>

#include <stdexcept>

namespace cchc::report {

QrMatrix EncodeQr(const std::string& text) {
    QRcode* code = QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M);
    if (!code) throw std::runtime_error("QR code: text too long to encode (" +
                                        std::to_string(text.size()) + " bytes)");
    QrMatrix m;
    m.size = code->width;
    m.dark.resize(static_cast<size_t>(m.size) * m.size);
    for (size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = (code->data[i] & 1) != 0;
    QRcode_free(code);
    return m;
}

}  // namespace cchc::report
