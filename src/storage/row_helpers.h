// Small helpers for reading nullable columns from soci::row and for binding
// optional values; internal to the storage library.
#pragma once
#include <soci/soci.h>

#include <ctime>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/date.h"

namespace cchc::storage::detail {

inline std::string Text(const soci::row& r, const std::string& col) {
    return r.get_indicator(col) == soci::i_null ? std::string() : r.get<std::string>(col);
}

// Integers come back as int, long long or double depending on backend and
// expression; normalise them.
inline long long Int(const soci::row& r, const std::string& col, long long fallback = 0) {
    if (r.get_indicator(col) == soci::i_null) return fallback;
    switch (r.get_properties(col).get_data_type()) {
        case soci::dt_integer:
            return r.get<int>(col);
        case soci::dt_long_long:
            return r.get<long long>(col);
        case soci::dt_unsigned_long_long:
            return static_cast<long long>(r.get<unsigned long long>(col));
        case soci::dt_double:
            return static_cast<long long>(r.get<double>(col));
        case soci::dt_string:
            return std::stoll(r.get<std::string>(col));
        default:
            return fallback;
    }
}

inline std::optional<long long> OptInt(const soci::row& r, const std::string& col) {
    if (r.get_indicator(col) == soci::i_null) return std::nullopt;
    return Int(r, col);
}

inline double Real(const soci::row& r, const std::string& col, double fallback = 0) {
    if (r.get_indicator(col) == soci::i_null) return fallback;
    switch (r.get_properties(col).get_data_type()) {
        case soci::dt_double:
            return r.get<double>(col);
        case soci::dt_integer:
            return r.get<int>(col);
        case soci::dt_long_long:
            return static_cast<double>(r.get<long long>(col));
        case soci::dt_string:
            return std::stod(r.get<std::string>(col));
        default:
            return fallback;
    }
}

inline std::optional<double> OptReal(const soci::row& r, const std::string& col) {
    if (r.get_indicator(col) == soci::i_null) return std::nullopt;
    return Real(r, col);
}

inline std::string NowIso() { return LocalNowText("%Y-%m-%dT%H:%M:%S"); }

// A value and its NULL indicator, kept alive for soci::use().
template <typename T>
struct Nullable {
    T value{};
    soci::indicator ind = soci::i_null;
    Nullable() = default;
    explicit Nullable(const std::optional<T>& o) {
        if (o) value = *o, ind = soci::i_ok;
    }
};

inline bool IsPostgres(soci::session& s) { return s.get_backend_name() == "postgresql"; }

// The ratings' citizen column as a query selects it: the column itself
// when the connection may read citizens' names (always on SQLite; on the
// server an administrator's, a specialist's or a chair's account, or the
// owner: migration 0010 grants the column to no clerk or viewer), else an
// empty text in its place.
inline std::string CitizenColumn(soci::session& s, const std::string& column) {
    if (!IsPostgres(s)) return column;
    int may = 0;
    s << "SELECT CASE WHEN has_column_privilege('ratings', 'citizen', 'SELECT') THEN 1 ELSE 0 "
         "END",
        soci::into(may);
    return may == 1 ? column : "CAST('' AS TEXT)";
}

// Files kept in the database (evidence, archived reports) cross as
// hexadecimal text on PostgreSQL, whose blobs in SOCI are large objects
// rather than bytea columns.
inline std::string ToHex(const std::string& bytes) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

inline std::string FromHex(const std::string& hex) {
    auto value = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        throw std::runtime_error("bad hexadecimal digit in a stored file");
    };
    std::string out(hex.size() / 2, '\0');
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        out[i / 2] = static_cast<char>(value(hex[i]) * 16 + value(hex[i + 1]));
    return out;
}

}  // namespace cchc::storage::detail
