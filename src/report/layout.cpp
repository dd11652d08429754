#include "report/layout.h"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <variant>

#include "report/qr.h"
#include "report/text_layout.h"

namespace cchc::report {

namespace {

// ---- Drawing operations of a laid out page ---------------------------------

// Lines [first, last) of a Pango layout, the top of line `first` at y.
struct TextOp {
    LayoutPtr layout;
    int first = 0, last = 0;
    double x = 0, y = 0;
};
struct LineOp {
    double x1, y1, x2, y2;
    double width = 0.75;
    bool dashed = false;
};
struct RectOp {
    double x, y, w, h;
    bool fill = false;
    double r = 0, g = 0, b = 0;
    double lineWidth = 0.5;
    bool dashed = false;
};
struct QrOp {
    std::shared_ptr<QrMatrix> matrix;
    double x, y, size;  // size includes the quiet zone
};
using Op = std::variant<TextOp, LineOp, RectOp, QrOp>;

struct Page {
    PageSetup setup;
    Orientation orientation = Orientation::Portrait;
    std::vector<Op> ops;
    double usedBottom = 0;
};

constexpr double kIndentPt = 1.27 * 10 * kPointsPerMm;  // 1.27 cm first-line indent
constexpr int kQuietModules = 2;
// Body paragraphs and headings: 1.1 lines (Word's "Multiple 1.1", which
// the DOCX body style uses too).

void PaintText(cairo_t* cr, const TextOp& t) {
    PangoLayoutIter* it = pango_layout_get_iter(t.layout.get());
    int index = 0;
    double top = 0;
    bool haveTop = false;
    do {
        if (index >= t.last) break;
        if (index >= t.first) {
            int y0, y1;
            pango_layout_iter_get_line_yrange(it, &y0, &y1);
            if (!haveTop) {
                top = y0 / double(PANGO_SCALE);
                haveTop = true;
            }
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(it, nullptr, &logical);
            double baseline = pango_layout_iter_get_baseline(it) / double(PANGO_SCALE);
            cairo_move_to(cr, t.x + logical.x / double(PANGO_SCALE), t.y + baseline - top);
            pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
        }
        ++index;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
}

void PaintOp(cairo_t* cr, const Op& op) {
    if (auto t = std::get_if<TextOp>(&op)) {
        PaintText(cr, *t);
    } else if (auto l = std::get_if<LineOp>(&op)) {
        cairo_set_line_width(cr, l->width);
        if (l->dashed) {
            double d[] = {3, 2};
            cairo_set_dash(cr, d, 2, 0);
        }
        cairo_move_to(cr, l->x1, l->y1);
        cairo_line_to(cr, l->x2, l->y2);
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0);
    } else if (auto r = std::get_if<RectOp>(&op)) {
        cairo_rectangle(cr, r->x, r->y, r->w, r->h);
        if (r->fill) {
            cairo_set_source_rgb(cr, r->r, r->g, r->b);
            cairo_fill(cr);
        } else {
            cairo_set_source_rgb(cr, r->r, r->g, r->b);
            cairo_set_line_width(cr, r->lineWidth);
            if (r->dashed) {
                double d[] = {4, 3};
                cairo_set_dash(cr, d, 2, 0);
            }
            cairo_stroke(cr);
            cairo_set_dash(cr, nullptr, 0, 0);
        }
        cairo_set_source_rgb(cr, 0, 0, 0);
    } else if (auto q = std::get_if<QrOp>(&op)) {
        const QrMatrix& m = *q->matrix;
        double module = q->size / (m.size + 2 * kQuietModules);
        double ox = q->x + kQuietModules * module, oy = q->y + kQuietModules * module;
        // Horizontal runs of dark modules as one rectangle each.
        for (int row = 0; row < m.size; ++row) {
            int col = 0;
            while (col < m.size) {
                if (!m.Dark(row, col)) {
                    ++col;
                    continue;
                }
                int start = col;
                while (col < m.size && m.Dark(row, col)) ++col;
                cairo_rectangle(cr, ox + start * module, oy + row * module, (col - start) * module,
                                module);
            }
        }
        cairo_set_source_rgb(cr, 0, 0, 0);
        cairo_fill(cr);
    }
}

}  // namespace

struct LaidOutDocument::Impl {
    std::string title;
    std::vector<Page> pages;
};

// ---- The layout pass --------------------------------------------------------

namespace {

class Layouter {
  public:
    Layouter(const Document& doc, std::vector<Page>& pages, std::optional<PageSetup> fixed)
        : doc_(doc), text_(doc.fontFamily, doc.fallbackFamily), pages_(pages), fixed_(fixed) {}

    void LayOutAll() {
        for (const auto& section : doc_.sections) {
            section_ = &section;
            NewPage();
            const auto& blocks = section.blocks;
            for (std::size_t i = 0; i < blocks.size(); ++i) {
                // The closing sentence stays on the page of the signature.
                keepAfter_ = 0;
                if (i + 1 < blocks.size() && std::holds_alternative<Paragraph>(blocks[i]))
                    if (auto sig = std::get_if<SignatureBlock>(&blocks[i + 1]))
                        keepAfter_ = MeasureSignature(*sig).height + 12;
                // A heading or the sentence that opens a table stays with the
                // table's head and first row.
                if (i + 1 < blocks.size() && (std::holds_alternative<Paragraph>(blocks[i]) ||
                                              std::holds_alternative<Heading>(blocks[i])))
                    if (auto table = std::get_if<Table>(&blocks[i + 1]))
                        keepAfter_ = TableHeadHeight(*table);
                // A heading over such a sentence keeps both.
                if (i + 2 < blocks.size() && std::holds_alternative<Heading>(blocks[i]))
                    if (auto p = std::get_if<Paragraph>(&blocks[i + 1]))
                        if (auto table = std::get_if<Table>(&blocks[i + 2]))
                            keepAfter_ = HeightOf(MakeParagraph(*p).get()) + p->spaceAfterPt +
                                         TableHeadHeight(*table);
                std::visit([&](const auto& b) { Lay(b); }, blocks[i]);
            }
            keepAfter_ = 0;
        }
        if (pages_.empty()) {
            static const Section empty;
            section_ = &empty;
            NewPage();
        }
        for (auto& p : pages_) p.usedBottom = std::max(p.usedBottom, 0.0);
    }

  private:
    const Document& doc_;
    TextFactory text_;
    std::vector<Page>& pages_;
    std::optional<PageSetup> fixed_;
    const Section* section_ = nullptr;
    double left_ = 0, top_ = 0, width_ = 0, bottom_ = 0, y_ = 0;
    // The height that must follow the block being laid on its page (a
    // closing sentence keeps the signature after it).
    double keepAfter_ = 0;

    Page& Cur() { return pages_.back(); }
    double Body() const { return doc_.bodySizePt; }

    void NewPage() {
        if (!pages_.empty()) Cur().usedBottom = y_;
        Page p;
        p.orientation = section_->orientation;
        p.setup = fixed_ ? *fixed_ : Decree30Page(section_->orientation);
        pages_.push_back(std::move(p));
        const PageSetup& s = Cur().setup;
        left_ = s.leftMm * kPointsPerMm;
        top_ = s.topMm * kPointsPerMm;
        width_ = s.ContentWidthMm() * kPointsPerMm;
        bottom_ = (s.heightMm - s.bottomMm) * kPointsPerMm;
        y_ = top_;
        int number = static_cast<int>(pages_.size());
        if (doc_.pageNumbers && number >= 2 && !fixed_) {
            TextStyle st;
            st.sizePt = 13;
            st.align = Align::Center;
            auto l = text_.Make({{std::to_string(number)}}, st, width_);
            double h = HeightOf(l.get());
            AddText(l, left_, (top_ - h) / 2);
        }
    }
    bool AtTop() const { return y_ <= top_ + 0.5; }
    // Starts a new page unless h fits below y_ (or the page is still empty).
    void Need(double h) {
        if (y_ + h > bottom_ + 0.01 && !AtTop()) NewPage();
    }
    void Track() { Cur().usedBottom = std::max(Cur().usedBottom, y_); }

    void AddText(const LayoutPtr& l, double x, double y, int first = 0, int last = -1) {
        if (last < 0) last = pango_layout_get_line_count(l.get());
        Cur().ops.push_back(TextOp{l, first, last, x, y});
    }
    void AddLine(double x1, double y1, double x2, double y2, double w = 0.75) {
        Cur().ops.push_back(LineOp{x1, y1, x2, y2, w, false});
    }

    // A wrapped layout made as narrow as it can be without taking more
    // lines, so that a two-line name breaks near its middle.
    LayoutPtr BalancedLayout(const std::vector<Run>& runs, const TextStyle& st, double width) {
        LayoutPtr l = text_.Make(runs, st, width);
        int lines = pango_layout_get_line_count(l.get());
        if (lines < 2) return l;
        double lo = width / lines, hi = width;
        for (int i = 0; i < 12; ++i) {
            double mid = (lo + hi) / 2;
            LayoutPtr m = text_.Make(runs, st, mid);
            if (pango_layout_get_line_count(m.get()) > lines)
                lo = mid;
            else
                hi = mid;
        }
        return text_.Make(runs, st, hi + 0.5);
    }
    static double LayoutWidth(PangoLayout* l) {
        return pango_layout_get_width(l) / double(PANGO_SCALE);
    }

    // ---- Blocks ----

    void Lay(const PageBreak&) { NewPage(); }

    void Lay(const HeaderBlock& h) {
        HeaderFit fit = FitHeaderColumns(text_, h, width_);
        TextStyle capsSt;
        capsSt.sizePt = fit.bodySizePt;
        capsSt.align = Align::Center;
        double titleSize = fit.titleSizePt;
        double leftW = fit.leftWidthPt;
        double rightW = width_ - leftW;
        double lx = left_, rx = left_ + leftW;
        // Left column.
        double yl = y_;
        if (!h.parentBody.empty()) {
            auto l = BalancedLayout({{h.parentBody}}, capsSt, leftW);
            AddText(l, lx + (leftW - LayoutWidth(l.get())) / 2, yl);
            yl += HeightOf(l.get());
        }
        if (!h.issuingBody.empty()) {
            TextStyle st = capsSt;
            st.bold = true;
            auto l = BalancedLayout({{IssuingBodyText(h, fit), true}}, st, leftW);
            AddText(l, lx + (leftW - LayoutWidth(l.get())) / 2, yl);
            yl += HeightOf(l.get());
            double rule = std::max(15 * kPointsPerMm, WidestLine(l.get()) * 0.4);
            yl += 3;
            AddLine(lx + (leftW - rule) / 2, yl, lx + (leftW + rule) / 2, yl, 0.6);
            yl += 2;
        }
        // Right column: the national title at 13 pt, smaller if the column
        // is too narrow for it on one line.
        double yr = y_;
        TextStyle titleSt;
        titleSt.sizePt = titleSize;
        titleSt.bold = true;
        titleSt.align = Align::Center;
        titleSt.wrap = false;
        LayoutPtr title = text_.Make({{h.nationalTitle, true}}, titleSt, rightW);
        while (WidestLine(title.get()) > rightW && titleSt.sizePt > 11) {
            titleSt.sizePt -= 0.5;
            title = text_.Make({{h.nationalTitle, true}}, titleSt, rightW);
        }
        AddText(title, rx, yr);
        yr += HeightOf(title.get());
        TextStyle mottoSt;
        mottoSt.sizePt = 14;
        mottoSt.bold = true;
        mottoSt.align = Align::Center;
        auto motto = text_.Make({{h.motto, true}}, mottoSt, rightW);
        AddText(motto, rx, yr);
        yr += HeightOf(motto.get());
        double mw = WidestLine(motto.get());
        yr += 2;
        AddLine(rx + (rightW - mw) / 2, yr, rx + (rightW + mw) / 2, yr, 0.6);
        yr += 2;
        // The number and the place-date line share a line below both rules.
        double y = std::max(yl, yr) + 6;
        double next = y;
        if (!h.number.empty()) {
            auto l = text_.Make({{h.number}}, capsSt, leftW);
            AddText(l, lx, y);
            next = std::max(next, y + HeightOf(l.get()));
        }
        if (!h.placeDate.empty()) {
            TextStyle st;
            st.sizePt = 14;
            st.italic = true;
            st.align = Align::Center;
            auto l = text_.Make({{h.placeDate, false, true}}, st, rightW);
            AddText(l, rx, y);
            next = std::max(next, y + HeightOf(l.get()));
        }
        y_ = next + 18;
        Track();
    }

    void Lay(const TitleBlock& t) {
        TextStyle st;
        st.sizePt = Body();
        st.bold = true;
        st.align = Align::Center;
        std::vector<LayoutPtr> parts;
        double h = 0;
        if (!t.documentType.empty()) {
            parts.push_back(text_.Make({{t.documentType, true}}, st, width_));
            h += HeightOf(parts.back().get());
        }
        double widest = 0;
        for (const auto& s : t.summary) {
            parts.push_back(text_.Make({{s, true}}, st, width_ * 0.9));
            h += HeightOf(parts.back().get());
            widest = std::max(widest, WidestLine(parts.back().get()));
        }
        Need(h + 8);
        size_t i = 0;
        if (!t.documentType.empty()) {
            AddText(parts[0], left_, y_);
            y_ += HeightOf(parts[0].get());
            i = 1;
        }
        for (; i < parts.size(); ++i) {
            AddText(parts[i], left_ + width_ * 0.05, y_);
            y_ += HeightOf(parts[i].get());
        }
        if (!t.summary.empty()) {
            double rule = std::clamp(widest / 3, 20 * kPointsPerMm, 60 * kPointsPerMm);
            y_ += 4;
            AddLine(left_ + (width_ - rule) / 2, y_, left_ + (width_ + rule) / 2, y_, 0.6);
        }
        y_ += 14;
        Track();
    }

    void Lay(const Heading& h) {
        TextStyle st;
        st.sizePt = Body();
        st.bold = h.level <= 2;
        st.align = Align::Justify;
        st.indentPt = kIndentPt;
        st.lineSpacing = kBodyLineSpacing;
        auto l = text_.Make({{h.text, st.bold}}, st, width_);
        double hh = HeightOf(l.get());
        // Keep the heading with at least two lines of what follows (with
        // the head of the table that follows it).
        double lineH = hh / std::max(1, pango_layout_get_line_count(l.get()));
        Need(6 + hh + std::max(2 * lineH, keepAfter_));
        if (!AtTop()) y_ += 6;
        AddText(l, left_, y_);
        y_ += hh + 6;
        Track();
    }

    LayoutPtr MakeParagraph(const Paragraph& p) {
        TextStyle st;
        st.sizePt = p.sizePt > 0 ? p.sizePt : Body();
        st.align = p.align;
        st.indentPt = p.firstLineIndent ? kIndentPt : 0;
        st.lineSpacing = kBodyLineSpacing;
        return text_.Make(p.runs, st, width_);
    }

    void Lay(const Paragraph& p) {
        auto l = MakeParagraph(p);
        PlaceLines(l, left_);
        y_ += p.spaceAfterPt;
        Track();
    }

    // Places a layout line by line, moving to the next page where a line
    // does not fit; never leaves a single first or last line alone.
    void PlaceLines(const LayoutPtr& l, double x) {
        auto lines = LineRanges(l.get());
        int n = static_cast<int>(lines.size());
        int first = 0;
        while (first < n) {
            int last = first;
            double top = lines[first].first;
            while (last < n && y_ + (lines[last].second - top) <= bottom_ + 0.01) ++last;
            if (last == first) {
                if (AtTop())
                    last = first + 1;  // taller than a page: overflow
                else {
                    NewPage();
                    continue;
                }
            }
            // The last lines and what must follow them (keepAfter_) on one
            // page: the paragraph's last two lines go over with it.
            if (last == n && keepAfter_ > 0 && !AtTop() &&
                y_ + (lines[n - 1].second - top) + keepAfter_ > bottom_ + 0.01) {
                if (n - first <= 2) {
                    NewPage();
                    continue;
                }
                last = n - 2;
            }
            if (last < n) {
                if (first == 0 && last == 1 && n > 1 && !AtTop()) {  // orphan
                    NewPage();
                    continue;
                }
                if (last == n - 1 && last - first >= 2) --last;  // widow
            }
            AddText(l, x, y_, first, last);
            y_ += lines[last - 1].second - top;
            first = last;
            if (first < n) {
                Track();
                NewPage();
            }
        }
    }

    // A table measured for drawing: the grid, the columns' edges, each cell's
    // text laid out, the rows' heights and the groups of rows that row spans
    // tie together, which never split across pages.
    struct MeasuredTable {
        TableGrid g;
        std::vector<double> colX, rowH;
        std::vector<LayoutPtr> layouts;
        std::vector<int> spanEnd;
        std::vector<std::vector<int>> startsAt;  // cells by their first row
        int headerRows = 0;
        double padX = kCellPadXPt, padY = kCellPadYPt;
        double sizePt = 0;  // of its type, shrunk where its words need it

        // One past the last row of the group that starts at `start`.
        int GroupEnd(int start) const {
            int end = start + 1;
            for (int r = start; r < end; ++r) end = std::max(end, spanEnd[r]);
            return end;
        }
        double Height(int a, int b) const {
            double h = 0;
            for (int r = a; r < b; ++r) h += rowH[r];
            return h;
        }
    };

    void Lay(const Table& t) {
        MeasuredTable m;
        m.g = ResolveGrid(t);
        const TableGrid& g = m.g;
        if (g.rows == 0 || g.columns == 0) return;
        Measure(t, m);
        const int headerRows = m.headerRows;
        int body = headerRows;
        double headH = m.Height(0, headerRows);
        // Start where the header and the first rows fit.
        Need(headH + (body < g.rows ? m.Height(body, m.GroupEnd(body)) : 0));
        if (headerRows > 0) DrawRows(m, 0, headerRows);
        bool bodyOnPage = false;
        for (int r = body; r < g.rows;) {
            int end = m.GroupEnd(r);
            double h = m.Height(r, end);
            if (y_ + h > bottom_ + 0.01 && bodyOnPage) {
                Track();
                NewPage();
                if (headerRows > 0) DrawRows(m, 0, headerRows);
                bodyOnPage = false;
            }
            DrawRows(m, r, end);
            bodyOnPage = true;
            r = end;
        }
        y_ += 8;
        Track();
    }

    // The height of a table's header rows and its first row (with the rows
    // a span ties to it), as it starts on a page.
    double TableHeadHeight(const Table& t) {
        Table head = t;
        const std::size_t keep =
            std::min(head.rows.size(), static_cast<std::size_t>(std::max(0, t.headerRows)) + 1);
        head.rows.resize(keep);
        for (std::size_t r = 0; r < head.rows.size(); ++r)
            for (auto& cell : head.rows[r].cells)
                cell.rowSpan = std::min(cell.rowSpan, static_cast<int>(keep - r));
        MeasuredTable m;
        m.g = ResolveGrid(head);
        if (m.g.rows == 0 || m.g.columns == 0) return 0;
        Measure(head, m);
        return m.Height(0, m.g.rows) + 8;
    }

    // Lays out every cell of the table's grid and sizes its rows and groups.
    void Measure(const Table& t, MeasuredTable& m) {
        const TableGrid& g = m.g;
        const double padX = m.padX, padY = m.padY;
        int headerRows = std::clamp(t.headerRows, 0, g.rows);
        const TableFit fit = FitTable(text_, t, g, width_, padX);
        const double sizePt = fit.sizePt;
        m.sizePt = sizePt;
        const std::vector<double>& widths = fit.widths;
        std::vector<double>& colX = m.colX;
        colX.assign(g.columns + 1, 0);
        for (int c = 0; c < g.columns; ++c) colX[c + 1] = colX[c] + widths[c];

        // Measure every cell.
        std::vector<LayoutPtr>& layouts = m.layouts;
        std::vector<double>& rowH = m.rowH;
        layouts.resize(g.cells.size());
        rowH.assign(g.rows, 0);
        for (size_t i = 0; i < g.cells.size(); ++i) {
            const GridCell& gc = g.cells[i];
            const TableCell& cell = *gc.cell;
            bool header = gc.row < headerRows;
            TextStyle st;
            st.sizePt = sizePt;
            st.bold = header || t.rows[gc.row].bold;
            st.align = cell.align                    ? *cell.align
                       : header                      ? Align::Center
                       : cell.kind != CellKind::Text ? Align::Right
                                                     : Align::Left;
            double w = colX[gc.col + gc.colSpan] - colX[gc.col] - 2 * padX;
            layouts[i] = text_.Make(cell.runs, st, std::max(w, 4.0));
            if (gc.rowSpan == 1)
                rowH[gc.row] = std::max(rowH[gc.row], HeightOf(layouts[i].get()) + 2 * padY);
        }
        double minRow = sizePt * 1.15 + 2 * padY;
        for (auto& h : rowH) h = std::max(h, minRow);
        for (size_t i = 0; i < g.cells.size(); ++i) {
            const GridCell& gc = g.cells[i];
            if (gc.rowSpan == 1) continue;
            double have = 0;
            for (int r = gc.row; r < gc.row + gc.rowSpan; ++r) have += rowH[r];
            double need = HeightOf(layouts[i].get()) + 2 * padY;
            if (need > have) rowH[gc.row + gc.rowSpan - 1] += need - have;
        }
        // Rows tied together by row spans form groups that never split.
        m.spanEnd.resize(g.rows);
        for (int r = 0; r < g.rows; ++r) m.spanEnd[r] = r + 1;
        for (const auto& gc : g.cells)
            m.spanEnd[gc.row] = std::max(m.spanEnd[gc.row], gc.row + gc.rowSpan);
        if (headerRows > 0) headerRows = m.GroupEnd(0) > headerRows ? m.GroupEnd(0) : headerRows;
        m.headerRows = headerRows;
        m.startsAt.assign(g.rows, {});
        for (size_t i = 0; i < g.cells.size(); ++i) m.startsAt[g.cells[i].row].push_back(int(i));
    }

    // Draws the rows a .. b - 1 of a measured table from the current height.
    void DrawRows(const MeasuredTable& m, int a, int b) {
        const TableGrid& g = m.g;
        const std::vector<double>& colX = m.colX;
        const std::vector<double>& rowH = m.rowH;
        const double padX = m.padX, padY = m.padY;
        std::vector<double> rowY(b - a + 1, y_);
        for (int r = a; r < b; ++r) rowY[r - a + 1] = rowY[r - a] + rowH[r];
        for (int r = a; r < b; ++r) {
            for (int i : m.startsAt[r]) {
                const GridCell& gc = g.cells[i];
                double x = left_ + colX[gc.col];
                double w = colX[gc.col + gc.colSpan] - colX[gc.col];
                double y = rowY[r - a];
                double h = rowY[std::min(b, gc.row + gc.rowSpan) - a] - y;
                Cur().ops.push_back(RectOp{x, y, w, h});
                double th = HeightOf(m.layouts[i].get());
                AddText(m.layouts[i], x + padX, y + std::max(padY, (h - th) / 2));
            }
        }
        y_ = rowY.back();
    }

    void Lay(const BarChart& c) {
        std::vector<LayoutPtr> labels, values;
        double labelW = width_ * 0.36, valueW = 22 * kPointsPerMm, gap = 6;
        double barX = left_ + labelW + gap, barMaxW = width_ - labelW - gap - valueW;
        double maxV = c.maxValue;
        for (double v : c.values) maxV = std::max(maxV, v);
        if (maxV <= 0) maxV = 1;
        TextStyle ls;
        ls.sizePt = 12;
        ls.align = Align::Right;
        TextStyle vs;
        vs.sizePt = 12;
        vs.align = Align::Left;
        vs.wrap = false;
        double barH = c.barHeightMm * kPointsPerMm;
        std::vector<double> rowH;
        size_t n = std::min(c.labels.size(), c.values.size());
        double total = 0;
        for (size_t i = 0; i < n; ++i) {
            labels.push_back(text_.Make({{c.labels[i]}}, ls, labelW));
            std::string vt = i < c.valueTexts.size() ? c.valueTexts[i] : NumberText(c.values[i]);
            values.push_back(text_.Make({{vt}}, vs, valueW));
            rowH.push_back(std::max(barH, HeightOf(labels.back().get())) + 5);
            total += rowH.back();
        }
        LayoutPtr title;
        if (!c.title.empty()) {
            TextStyle ts;
            ts.sizePt = 13;
            ts.bold = true;
            ts.align = Align::Center;
            title = text_.Make({{c.title, true}}, ts, width_);
            total += HeightOf(title.get()) + 6;
        }
        if (total <= bottom_ - top_) Need(total + 6);
        if (title) {
            AddText(title, left_, y_);
            y_ += HeightOf(title.get()) + 6;
        }
        double axisTop = y_;
        for (size_t i = 0; i < n; ++i) {
            if (y_ + rowH[i] > bottom_) {
                AddLine(barX, axisTop, barX, y_, 0.75);
                NewPage();
                axisTop = y_;
            }
            double cy = y_ + rowH[i] / 2;
            double lh = HeightOf(labels[i].get());
            AddText(labels[i], left_, cy - lh / 2);
            double w = barMaxW * std::clamp(c.values[i] / maxV, 0.0, 1.0);
            Cur().ops.push_back(RectOp{barX, cy - barH / 2, w, barH, true, 0.29, 0.44, 0.65});
            double vh = HeightOf(values[i].get());
            AddText(values[i], barX + w + 4, cy - vh / 2);
            y_ += rowH[i];
        }
        AddLine(barX, axisTop, barX, y_, 0.75);
        y_ += 10;
        Track();
    }

    static std::string NumberText(double v) {
        char buf[64];
        if (std::fabs(v - std::round(v)) < 1e-9)
            std::snprintf(buf, sizeof buf, "%.0f", v);
        else {
            std::snprintf(buf, sizeof buf, "%.2f", v);
            for (char* p = buf; *p; ++p)
                if (*p == '.') *p = ',';
        }
        return buf;
    }

    void Lay(const QrBlock& q) {
        auto m = std::make_shared<QrMatrix>(EncodeQr(q.text));
        double size = q.sizeMm * kPointsPerMm;
        LayoutPtr cap;
        double h = size;
        if (!q.caption.empty()) {
            TextStyle st;
            st.sizePt = 11;
            st.italic = true;
            st.align = Align::Center;
            cap = text_.Make({{q.caption, false, true}}, st,
                             std::min(width_, std::max(size * 3, width_ / 2)));
            h += HeightOf(cap.get());
        }
        Need(h + 6);
        double x = q.align == Align::Left    ? left_
                   : q.align == Align::Right ? left_ + width_ - size
                                             : left_ + (width_ - size) / 2;
        Cur().ops.push_back(QrOp{m, x, y_, size});
        y_ += size;
        if (cap) {
            double cw = std::min(width_, std::max(size * 3, width_ / 2));
            double cx = std::clamp(x + (size - cw) / 2, left_, left_ + width_ - cw);
            AddText(cap, cx, y_);
            y_ += HeightOf(cap.get());
        }
        y_ += 6;
        Track();
    }

    // The signature's two columns laid out, and the height of the taller.
    struct SignatureParts {
        std::vector<std::pair<LayoutPtr, double>> left, right;  // layout, gap before
        double height = 0;
    };
    SignatureParts MeasureSignature(const SignatureBlock& s) {
        double leftW = width_ * 0.46, rightW = width_ - leftW;
        SignatureParts parts;
        auto& leftParts = parts.left;
        auto& rightParts = parts.right;
        if (!s.recipientsHeading.empty()) {
            TextStyle st;
            st.sizePt = 12;
            st.bold = true;
            st.italic = true;
            st.align = Align::Left;
            leftParts.push_back({text_.Make({{s.recipientsHeading, true, true}}, st, leftW), 0});
        }
        for (const auto& r : s.recipients) {
            TextStyle st;
            st.sizePt = 11;
            st.align = Align::Left;
            leftParts.push_back({text_.Make({{r}}, st, leftW - 6), 0});
        }
        TextStyle as;
        as.sizePt = Body();
        as.bold = true;
        as.align = Align::Center;
        for (const auto& a : s.authority)
            rightParts.push_back({text_.Make({{a, true}}, as, rightW), 0});
        if (!s.signer.empty())
            rightParts.push_back(
                {text_.Make({{s.signer, true}}, as, rightW), s.signatureSpaceMm * kPointsPerMm});
        auto total = [](const auto& parts) {
            double h = 0;
            for (const auto& [l, gap] : parts) h += gap + HeightOf(l.get());
            return h;
        };
        parts.height = std::max(total(leftParts), total(rightParts));
        return parts;
    }

    void Lay(const SignatureBlock& s) {
        double leftW = width_ * 0.46;
        double rx = left_ + leftW;
        SignatureParts parts = MeasureSignature(s);
        const auto& leftParts = parts.left;
        const auto& rightParts = parts.right;
        double h = parts.height;
        Need(h + 6);
        if (!AtTop()) y_ += 6;
        double yl = y_ + 3, yr = y_;  // the heading's smaller type sits a little lower
        for (const auto& [l, gap] : leftParts) {
            AddText(l, left_, yl + gap);
            yl += gap + HeightOf(l.get());
        }
        for (const auto& [l, gap] : rightParts) {
            AddText(l, rx, yr + gap);
            yr += gap + HeightOf(l.get());
        }
        y_ = std::max(yl, yr) + 6;
        Track();
    }

    void Lay(const CardGrid& g) {
        int cols = std::max(1, g.columns), rows = std::max(1, g.rows);
        if (!AtTop()) NewPage();
        double cw = width_ / cols;
        double ch = (bottom_ - top_) / rows;
        for (size_t i = 0; i < g.cards.size(); ++i) {
            int slot = static_cast<int>(i % (cols * rows));
            if (slot == 0 && i > 0) NewPage();
            double x = left_ + (slot % cols) * cw, y = top_ + (slot / cols) * ch;
            LayCard(g.cards[i], x, y, cw, ch);
        }
        y_ = bottom_;  // what follows starts on a new page
        Track();
    }

    void LayCard(const Card& c, double x, double y, double w, double h) {
        const double inset = 3, pad = 8;
        RectOp border{x + inset, y + inset, w - 2 * inset, h - 2 * inset};
        border.dashed = true;
        border.r = border.g = border.b = 0.45;
        Cur().ops.push_back(border);
        double innerW = w - 2 * inset - 2 * pad;
        auto make = [&](const CardLine& line) {
            TextStyle st;
            st.sizePt = line.sizePt;
            st.bold = line.bold;
            st.italic = line.italic;
            st.align = Align::Center;
            return text_.Make({{line.text, line.bold, line.italic}}, st, innerW);
        };
        double ty = y + inset + pad;
        for (const auto& line : c.lines) {
            auto l = make(line);
            AddText(l, x + inset + pad, ty);
            ty += HeightOf(l.get()) + 1;
        }
        std::vector<LayoutPtr> footer;
        double footH = 0;
        for (const auto& line : c.footer) {
            footer.push_back(make(line));
            footH += HeightOf(footer.back().get()) + 1;
        }
        double bottom = y + h - inset - pad;
        if (!c.qrText.empty()) {
            auto m = std::make_shared<QrMatrix>(EncodeQr(c.qrText));
            const double room = bottom - footH - ty - 4, gap = 10;
            const bool photo = !c.photo.empty();
            // With a photo: a 3 × 4 frame as tall as the code, then the code.
            const double size = std::min(photo ? (innerW - gap) / 1.75 : innerW * 0.75, room);
            if (size > 20) {
                const double top = ty + 2 + (room - size) / 2;
                const double photoW = photo ? size * 0.75 : 0;
                const double left = x + (w - (photo ? photoW + gap + size : size)) / 2;
                if (photo) {
                    RectOp frame{left, top, photoW, size};
                    frame.r = frame.g = frame.b = 0.55;
                    Cur().ops.push_back(frame);
                    TextStyle st;
                    st.sizePt = 9;
                    st.italic = true;
                    st.align = Align::Center;
                    auto caption = text_.Make({{c.photo, false, true}}, st, photoW - 4);
                    AddText(caption, left + 2, top + (size - HeightOf(caption.get())) / 2);
                }
                Cur().ops.push_back(QrOp{m, left + (photo ? photoW + gap : 0), top, size});
            }
        }
        double fy = bottom - footH;
        for (const auto& l : footer) {
            AddText(l, x + inset + pad, fy);
            fy += HeightOf(l.get()) + 1;
        }
    }
};

}  // namespace

LaidOutDocument::LaidOutDocument(const Document& doc) : impl_(std::make_unique<Impl>()) {
    impl_->title = doc.title;
    Layouter(doc, impl_->pages, std::nullopt).LayOutAll();
}

LaidOutDocument::LaidOutDocument(const Document& doc, const PageSetup& page)
    : impl_(std::make_unique<Impl>()) {
    impl_->title = doc.title;
    Layouter(doc, impl_->pages, page).LayOutAll();
}

LaidOutDocument LayOutOnPage(const Document& doc, const PageSetup& page) {
    return LaidOutDocument(doc, page);
}

LaidOutDocument::~LaidOutDocument() = default;
LaidOutDocument::LaidOutDocument(LaidOutDocument&&) noexcept = default;
LaidOutDocument& LaidOutDocument::operator=(LaidOutDocument&&) noexcept = default;

int LaidOutDocument::PageCount() const { return static_cast<int>(impl_->pages.size()); }

static const Page& PageAt(const LaidOutDocument::Impl& impl, int page) {
    if (page < 0 || page >= static_cast<int>(impl.pages.size()))
        throw std::out_of_range("page " + std::to_string(page + 1) + " of " +
                                std::to_string(impl.pages.size()));
    return impl.pages[page];
}

double LaidOutDocument::PageWidthPt(int page) const {
    return PageAt(*impl_, page).setup.widthMm * kPointsPerMm;
}
double LaidOutDocument::PageHeightPt(int page) const {
    return PageAt(*impl_, page).setup.heightMm * kPointsPerMm;
}
Orientation LaidOutDocument::PageOrientation(int page) const {
    return PageAt(*impl_, page).orientation;
}
const std::string& LaidOutDocument::Title() const { return impl_->title; }
double LaidOutDocument::UsedHeightPt(int page) const { return PageAt(*impl_, page).usedBottom; }

void LaidOutDocument::PaintPage(int page, cairo_t* cr) const {
    const Page& p = PageAt(*impl_, page);
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    for (const auto& op : p.ops) PaintOp(cr, op);
    cairo_restore(cr);
}

void LaidOutDocument::PaintPageScaled(int page, cairo_t* cr, double width, double height) const {
    double w = PageWidthPt(page), h = PageHeightPt(page);
    double scale = std::min(width / w, height / h);
    cairo_save(cr);
    cairo_scale(cr, scale, scale);
    cairo_rectangle(cr, 0, 0, w, h);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_fill(cr);
    PaintPage(page, cr);
    cairo_restore(cr);
}

}  // namespace cchc::report
