#include "report/qr.h"

#include <qrencode.h>

#include <stdexcept>

#include <fmt/format.h>

#include "core/i18n.h"

namespace cchc::report {

QrMatrix EncodeQr(const std::string& text) {
    QRcode* code = QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M);
    if (!code)
        throw std::runtime_error(fmt::format(
            fmt::runtime(tr("the text is too long for a QR code ({0} bytes)")), text.size()));
    QrMatrix m;
    m.size = code->width;
    m.dark.resize(static_cast<size_t>(m.size) * m.size);
    for (size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = (code->data[i] & 1) != 0;
    QRcode_free(code);
    return m;
}

}  // namespace cchc::report
