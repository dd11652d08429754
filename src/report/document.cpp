#include "report/document.h"

#include <algorithm>

#include "core/vnformat.h"

namespace cchc::report {

TableCell TableCell::Integer(long long value) {
    TableCell c(FormatInteger(value));
    c.kind = CellKind::Integer;
    c.value = static_cast<double>(value);
    c.decimals = 0;
    return c;
}

TableCell TableCell::Decimal(double value, int decimals) {
    TableCell c(FormatDecimal(value, decimals));
    c.kind = CellKind::Decimal;
    c.value = value;
    c.decimals = decimals;
    return c;
}

TableCell TableCell::Percent(double percent, int decimals) {
    TableCell c(FormatPercent(percent, decimals));
    c.kind = CellKind::Percent;
    c.value = percent / 100.0;
    c.decimals = decimals;
    return c;
}

TableCell TableCell::Day(int year, int month, int day) {
    TableCell c(FormatDate(Date{year, month, day}));
    c.kind = CellKind::Date;
    c.value = year * 10000.0 + month * 100.0 + day;
    c.decimals = 0;
    c.align = Align::Center;
    return c;
}

std::string TableCell::PlainText() const {
    std::string s;
    for (const auto& r : runs) s += r.text;
    return s;
}

Section& Document::Last() {
    if (sections.empty()) sections.emplace_back();
    return sections.back();
}

Section& Document::NewSection(Orientation orientation) {
    sections.emplace_back();
    sections.back().orientation = orientation;
    return sections.back();
}

std::vector<double> FitColumns(const std::vector<double>& weights, double total,
                               const std::function<double(int)>& minimum) {
    const int n = static_cast<int>(weights.size());
    std::vector<double> min(n), out(n);
    double weightSum = 0, minSum = 0;
    for (int c = 0; c < n; ++c) {
        min[c] = std::max(0.0, minimum(c));
        minSum += min[c];
        weightSum += std::max(0.0, weights[c]);
    }
    if (n == 0) return out;
    if (minSum >= total) {
        for (int c = 0; c < n; ++c) out[c] = minSum > 0 ? total * min[c] / minSum : total / n;
        return out;
    }
    for (int c = 0; c < n; ++c)
        out[c] = weightSum > 0 ? total * std::max(0.0, weights[c]) / weightSum : total / n;
    // Raise the narrow columns to their minimum, taking the width from the
    // others' room above theirs; repeated, since a column giving width may
    // reach its own minimum.
    for (int round = 0; round < n; ++round) {
        double deficit = 0, spare = 0;
        for (int c = 0; c < n; ++c) {
            if (out[c] < min[c])
                deficit += min[c] - out[c];
            else
                spare += out[c] - min[c];
        }
        if (deficit <= 1e-9) break;
        const double share = std::min(1.0, deficit / spare);
        for (int c = 0; c < n; ++c)
            out[c] = out[c] < min[c] ? min[c] : out[c] - (out[c] - min[c]) * share;
    }
    return out;
}

TableGrid ResolveGrid(const Table& table) {
    TableGrid g;
    g.columns = static_cast<int>(table.columnWidths.size());
    g.rows = static_cast<int>(table.rows.size());
    // Rows are filled left to right, skipping positions covered by a row
    // span from above; the grid widens when a row holds more cells.
    std::vector<std::vector<int>> owner(g.rows, std::vector<int>(g.columns, -1));
    auto widen = [&](int cols) {
        if (cols <= g.columns) return;
        g.columns = cols;
        for (auto& r : owner) r.resize(cols, -1);
    };
    for (int r = 0; r < g.rows; ++r) {
        int col = 0;
        for (const auto& cell : table.rows[r].cells) {
            while (col < g.columns && owner[r][col] != -1) ++col;
            int rs = std::max(1, std::min(cell.rowSpan, g.rows - r));
            int cs = std::max(1, cell.colSpan);
            widen(col + cs);
            GridCell gc{r, col, rs, cs, &cell};
            int index = static_cast<int>(g.cells.size());
            g.cells.push_back(gc);
            for (int rr = r; rr < r + rs; ++rr)
                for (int cc = col; cc < col + cs; ++cc)
                    if (owner[rr][cc] == -1) owner[rr][cc] = index;
            col += cs;
        }
    }
    g.owner = std::move(owner);
    return g;
}

}  // namespace cchc::report
