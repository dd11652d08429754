#include "report/text_layout.h"

#include <pango/pangocairo.h>

#include <algorithm>
#include <mutex>

#ifdef _WIN32
#include <windows.h>

#include <filesystem>

#include "core/platform.h"
#endif

namespace cchc::report {
namespace {

// On Windows the fonts the installer puts in the program's fonts folder
// (Liberation Serif, for a PC without Times New Roman) are made known to
// this process before Pango lists the system's fonts. Linux finds them
// through fontconfig.
void RegisterShippedFonts() {
#ifdef _WIN32
    static std::once_flag once;
    std::call_once(once, [] {
        namespace fs = std::filesystem;
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(fs::u8path(ExecutableDir()) / "fonts", ec)) {
            const auto ext = e.path().extension().wstring();
            if (ext == L".ttf" || ext == L".TTF" || ext == L".otf")
                AddFontResourceExW(e.path().wstring().c_str(), FR_PRIVATE, nullptr);
        }
    });
#endif
}

}  // namespace

TextFactory::TextFactory(const std::string& family, const std::string& fallback) {
    RegisterShippedFonts();
    families_ = family;
    if (!fallback.empty() && fallback != family) families_ += "," + fallback;
    PangoFontMap* map = pango_cairo_font_map_get_default();
    context_ = pango_font_map_create_context(map);
    pango_cairo_context_set_resolution(context_, 72.0);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context_, options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(context_, FALSE);
    pango_context_set_language(context_, pango_language_from_string("vi"));
}

TextFactory::~TextFactory() { g_object_unref(context_); }

LayoutPtr TextFactory::Make(const std::vector<Run>& runs, const TextStyle& style,
                            double widthPt) const {
    PangoLayout* layout = pango_layout_new(context_);
    PangoFontDescription* font = pango_font_description_from_string(families_.c_str());
    pango_font_description_set_size(font, static_cast<gint>(style.sizePt * PANGO_SCALE + 0.5));
    pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);

    std::string text;
    PangoAttrList* attrs = nullptr;
    for (const auto& run : runs) {
        guint start = static_cast<guint>(text.size());
        text += run.text;
        guint end = static_cast<guint>(text.size());
        if (end == start) continue;
        if (run.bold && !style.bold) {
            if (!attrs) attrs = pango_attr_list_new();
            PangoAttribute* a = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
            a->start_index = start;
            a->end_index = end;
            pango_attr_list_insert(attrs, a);
        }
        if (run.italic && !style.italic) {
            if (!attrs) attrs = pango_attr_list_new();
            PangoAttribute* a = pango_attr_style_new(PANGO_STYLE_ITALIC);
            a->start_index = start;
            a->end_index = end;
            pango_attr_list_insert(attrs, a);
        }
    }
    pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
    if (attrs) {
        pango_layout_set_attributes(layout, attrs);
        pango_attr_list_unref(attrs);
    }
    double width = widthPt;
    if (!style.wrap) {
        PangoRectangle logical;
        pango_layout_get_extents(layout, nullptr, &logical);
        width = std::max(width, logical.width / double(PANGO_SCALE) + 0.5);
    }
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    switch (style.align) {
        case Align::Left:
            pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT);
            break;
        case Align::Center:
            pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
            break;
        case Align::Right:
            pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT);
            break;
        case Align::Justify:
            pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT);
            pango_layout_set_justify(layout, TRUE);
            break;
    }
    if (style.lineSpacing > 0)
        pango_layout_set_line_spacing(layout, static_cast<float>(style.lineSpacing));
    if (style.indentPt != 0)
        pango_layout_set_indent(layout, static_cast<int>(style.indentPt * PANGO_SCALE));
    return LayoutPtr(layout, LayoutDeleter());
}

double TextFactory::Width(const std::string& text, double sizePt, bool bold, bool italic) const {
    TextStyle st;
    st.sizePt = sizePt;
    st.bold = bold;
    st.italic = italic;
    st.wrap = false;
    LayoutPtr l = Make({{text}}, st, 1);
    return WidestLine(l.get());
}

HeaderFit FitHeaderColumns(const TextFactory& text, const HeaderBlock& h, double widthPt) {
    HeaderFit fit;
    fit.leftWidthPt = widthPt * 0.40;
    const bool canBreak = h.issuingBodyBreak > 0 && h.issuingBodyBreak < h.issuingBody.size();
    // On one line if it fits at any size, else on two at its break.
    for (bool broken : {false, true}) {
        if (broken && !canBreak) break;
        const std::pair<double, double> tries[] = {{13.0, 13.0}, {13.0, 12.0}, {12.0, 12.0}};
        for (auto [size, titleSize] : tries) {
            double titleNeed = text.Width(h.nationalTitle, titleSize, true, false) + 8;
            double room = widthPt - std::max(titleNeed, widthPt * 0.50);
            double body = text.Width(h.issuingBody, size, true, false);
            if (broken)
                body = std::max(
                    text.Width(h.issuingBody.substr(0, h.issuingBodyBreak), size, true, false),
                    text.Width(h.issuingBody.substr(h.issuingBodyBreak + 1), size, true, false));
            double need = std::max(body, text.Width(h.parentBody, size, false, false)) + 8;
            if (need <= room) {
                fit.leftWidthPt = std::max(fit.leftWidthPt, need);
                fit.bodySizePt = size;
                fit.titleSizePt = titleSize;
                fit.breakIssuingBody = broken;
                return fit;
            }
        }
    }
    fit.breakIssuingBody = canBreak;
    return fit;
}

std::string IssuingBodyText(const HeaderBlock& h, const HeaderFit& fit) {
    if (!fit.breakIssuingBody) return h.issuingBody;
    std::string text = h.issuingBody;
    text[h.issuingBodyBreak] = '\n';
    return text;
}

double HeightOf(PangoLayout* layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return logical.height / double(PANGO_SCALE);
}

double WidestLine(PangoLayout* layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return logical.width / double(PANGO_SCALE);
}

std::vector<std::pair<double, double>> LineRanges(PangoLayout* layout) {
    std::vector<std::pair<double, double>> lines;
    PangoLayoutIter* it = pango_layout_get_iter(layout);
    do {
        int y0, y1;
        pango_layout_iter_get_line_yrange(it, &y0, &y1);
        lines.emplace_back(y0 / double(PANGO_SCALE), y1 / double(PANGO_SCALE));
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    return lines;
}

TableFit FitTable(const TextFactory& text, const Table& t, const TableGrid& g, double widthPt,
                  double padX) {
    std::vector<double> weights = t.columnWidths;
    weights.resize(g.columns, weights.empty() ? 1.0 : weights.back());
    const int headerRows = std::clamp(t.headerRows, 0, g.rows);
    std::vector<double> wordW(g.columns, 0);
    for (const GridCell& gc : g.cells) {
        if (gc.colSpan != 1) continue;
        const bool bold = gc.row < headerRows || t.rows[gc.row].bold;
        for (const Run& run : gc.cell->runs) {
            std::size_t a = 0;
            while (a < run.text.size()) {
                std::size_t b = run.text.find_first_of(" \n", a);
                if (b == std::string::npos) b = run.text.size();
                if (b > a)
                    wordW[gc.col] =
                        std::max(wordW[gc.col], text.Width(run.text.substr(a, b - a), t.sizePt,
                                                           bold || run.bold, run.italic));
                a = b + 1;
            }
        }
    }
    TableFit fit;
    fit.sizePt = t.sizePt;
    auto minimum = [&](int c) { return wordW[c] * fit.sizePt / t.sizePt + 2 * padX + 0.5; };
    auto totalMinimum = [&] {
        double total = 0;
        for (int c = 0; c < g.columns; ++c) total += minimum(c);
        return total;
    };
    while (fit.sizePt > 6 && totalMinimum() > widthPt) fit.sizePt -= 0.5;
    fit.widths = FitColumns(weights, widthPt, [&](int c) { return minimum(c); });
    return fit;
}

}  // namespace cchc::report
