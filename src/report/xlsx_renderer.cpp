#include "report/xlsx_renderer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "core/i18n.h"

namespace cchc::report {

namespace {

std::vector<const Table*> TablesOf(const Document& doc) {
    std::vector<const Table*> tables;
    for (const auto& s : doc.sections)
        for (const auto& b : s.blocks)
            if (auto t = std::get_if<Table>(&b))
                tables.push_back(t);
            else if (auto g = std::get_if<CardGrid>(&b); g && !g->sheet.rows.empty())
                tables.push_back(&g->sheet);
    return tables;
}

// Code points of UTF-8 text.
size_t Length(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string Truncate(const std::string& s, size_t codePoints) {
    size_t n = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (n == codePoints) return s.substr(0, i);
            ++n;
        }
    }
    return s;
}

std::string Lower(const std::string& s) {
    std::string o = s;
    for (auto& c : o) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return o;
}

class Formats {
  public:
    explicit Formats(lxw_workbook* wb) : wb_(wb) {}
    lxw_format* Get(bool header, bool bold, CellKind kind, int decimals, Align align) {
        auto key = std::make_tuple(header, bold, kind, decimals, align);
        auto it = cache_.find(key);
        if (it != cache_.end()) return it->second;
        lxw_format* f = workbook_add_format(wb_);
        format_set_border(f, LXW_BORDER_THIN);
        format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
        format_set_font_name(f, "Times New Roman");
        format_set_font_size(f, 12);
        if (header || bold) format_set_bold(f);
        if (kind == CellKind::Text) format_set_text_wrap(f);
        switch (align) {
            case Align::Center:
                format_set_align(f, LXW_ALIGN_CENTER);
                break;
            case Align::Right:
                format_set_align(f, LXW_ALIGN_RIGHT);
                break;
            case Align::Left:
                format_set_align(f, LXW_ALIGN_LEFT);
                break;
            case Align::Justify:
                format_set_align(f, LXW_ALIGN_JUSTIFY);
                break;
        }
        std::string digits = decimals > 0 ? "." + std::string(decimals, '0') : "";
        switch (kind) {
            case CellKind::Integer:
                format_set_num_format(f, "#,##0");
                break;
            case CellKind::Decimal:
                format_set_num_format(f, ("#,##0" + digits).c_str());
                break;
            case CellKind::Percent:
                format_set_num_format(f, ("0" + digits + "%").c_str());
                break;
            case CellKind::Date:
                format_set_num_format(f, "dd/mm/yyyy");
                break;
            case CellKind::Text:
                break;
        }
        cache_[key] = f;
        return f;
    }

  private:
    lxw_workbook* wb_;
    std::map<std::tuple<bool, bool, CellKind, int, Align>, lxw_format*> cache_;
};

void Check(lxw_error e, const std::string& path) {
    if (e != LXW_NO_ERROR)
        throw std::runtime_error(fmt::format(fmt::runtime(tr("{0}: cannot write the file ({1})")),
                                             path, lxw_strerror(e)));
}

void WriteSheet(lxw_worksheet* ws, Formats& formats, const Table& t, const std::string& path) {
    TableGrid g = ResolveGrid(t);
    int headerRows = std::clamp(t.headerRows, 0, g.rows);
    std::vector<double> width(g.columns, 6);
    for (const auto& gc : g.cells) {
        const TableCell& cell = *gc.cell;
        bool header = gc.row < headerRows;
        bool bold = header || t.rows[gc.row].bold;
        Align a = cell.align                    ? *cell.align
                  : header                      ? Align::Center
                  : cell.kind != CellKind::Text ? Align::Right
                                                : Align::Left;
        lxw_format* f = formats.Get(header, bold, cell.kind, cell.decimals, a);
        std::string text = cell.PlainText();
        auto r = static_cast<lxw_row_t>(gc.row);
        auto c = static_cast<lxw_col_t>(gc.col);
        // A body cell spanning rows (a unit beside its tasks) is written in
        // each row, so that the sheet sorts and filters; headings merge.
        if (!header && gc.rowSpan > 1 && gc.colSpan == 1) {
            for (int k = 0; k < gc.rowSpan; ++k) {
                const auto rk = static_cast<lxw_row_t>(gc.row + k);
                if (cell.kind == CellKind::Text)
                    Check(worksheet_write_string(ws, rk, c, text.c_str(), f), path);
                else
                    Check(worksheet_write_number(ws, rk, c, cell.value, f), path);
            }
            width[gc.col] = std::max(width[gc.col], std::min(Length(text) + 2.0, 60.0));
            continue;
        }
        if (gc.rowSpan > 1 || gc.colSpan > 1) {
            Check(worksheet_merge_range(ws, r, c, static_cast<lxw_row_t>(gc.row + gc.rowSpan - 1),
                                        static_cast<lxw_col_t>(gc.col + gc.colSpan - 1),
                                        cell.kind == CellKind::Text ? text.c_str() : "", f),
                  path);
        }
        if (cell.kind == CellKind::Text) {
            if (gc.rowSpan == 1 && gc.colSpan == 1)
                Check(worksheet_write_string(ws, r, c, text.c_str(), f), path);
        } else if (cell.kind == CellKind::Date) {
            const auto v = static_cast<long>(cell.value);
            lxw_datetime day = {static_cast<int>(v / 10000),
                                static_cast<int>(v / 100 % 100),
                                static_cast<int>(v % 100),
                                0,
                                0,
                                0.0};
            Check(worksheet_write_datetime(ws, r, c, &day, f), path);
        } else {
            Check(worksheet_write_number(ws, r, c, cell.value, f), path);
        }
        if (gc.colSpan == 1) {
            double len = static_cast<double>(Length(text));
            if (header) len = std::min(len, 18.0);
            width[gc.col] = std::max(width[gc.col], std::min(len + 2, 60.0));
        }
    }
    for (int c = 0; c < g.columns; ++c)
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width[c],
                             nullptr);
    // Header rows tall enough for their wrapped titles.
    for (int r = 0; r < headerRows; ++r) {
        int lines = 1;
        for (const auto& gc : g.cells) {
            if (gc.row != r || gc.colSpan != 1) continue;
            double len = static_cast<double>(Length(gc.cell->PlainText()));
            lines = std::max(lines,
                             static_cast<int>(std::ceil(len / std::max(1.0, width[gc.col] - 1))));
        }
        worksheet_set_row(ws, static_cast<lxw_row_t>(r), 16.0 * lines, nullptr);
    }
    if (headerRows > 0) worksheet_freeze_panes(ws, static_cast<lxw_row_t>(headerRows), 0);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);  // A4
    if (headerRows > 0) worksheet_repeat_rows(ws, 0, static_cast<lxw_row_t>(headerRows - 1));
}

}  // namespace

std::vector<std::string> WorksheetNames(const Document& doc) {
    std::vector<std::string> names;
    std::set<std::string> used;
    auto tables = TablesOf(doc);
    for (size_t i = 0; i < tables.size(); ++i) {
        std::string name = tables[i]->sheetName;
        for (auto& c : name)
            if (std::string("[]:*?/\\").find(c) != std::string::npos) c = '-';
        while (!name.empty() && name.front() == '\'') name.erase(0, 1);
        while (!name.empty() && name.back() == '\'') name.pop_back();
        if (name.empty()) name = "Bảng " + std::to_string(i + 1);
        name = Truncate(name, 31);
        std::string candidate = name;
        for (int k = 2; used.count(Lower(candidate)); ++k) {
            std::string suffix = " (" + std::to_string(k) + ")";
            candidate = Truncate(name, 31 - suffix.size()) + suffix;
        }
        used.insert(Lower(candidate));
        names.push_back(candidate);
    }
    return names;
}

void RenderXlsx(const Document& doc, const std::string& path) {
    lxw_workbook* wb = workbook_new(path.c_str());
    if (!wb) Check(LXW_ERROR_CREATING_XLSX_FILE, path);
    lxw_doc_properties props = {};
    std::string title = doc.title;
    props.title = title.data();
    workbook_set_properties(wb, &props);
    Formats formats(wb);
    auto tables = TablesOf(doc);
    auto names = WorksheetNames(doc);
    try {
        if (tables.empty()) {
            // A document without tables (nothing to list this time): its
            // title and text, one line a row, rather than an empty sheet.
            const std::string title = doc.title.empty() ? std::string("Sheet1") : doc.title;
            std::string name;
            for (char ch : Truncate(title, 31))
                name += std::string("[]:*?/\\").find(ch) == std::string::npos ? ch : '-';
            // Cut between words when the title is longer than a sheet's name.
            if (name.size() < title.size() && name.rfind(' ') != std::string::npos)
                name.erase(name.rfind(' '));
            lxw_worksheet* ws = workbook_add_worksheet(
                wb, workbook_validate_sheet_name(wb, name.c_str()) == LXW_NO_ERROR ? name.c_str()
                                                                                   : nullptr);
            if (!ws) Check(LXW_ERROR_MEMORY_MALLOC_FAILED, path);
            lxw_row_t row = 0;
            auto line = [&](const std::string& text) {
                if (!text.empty())
                    Check(worksheet_write_string(ws, row++, 0, text.c_str(), nullptr), path);
            };
            line(doc.title);
            for (const auto& sec : doc.sections)
                for (const auto& b : sec.blocks) {
                    if (auto h = std::get_if<Heading>(&b)) line(h->text);
                    if (auto p = std::get_if<Paragraph>(&b)) {
                        std::string text;
                        for (const auto& run : p->runs) text += run.text;
                        line(text);
                    }
                }
            Check(worksheet_set_column(ws, 0, 0, 100, nullptr), path);
        }
        for (size_t i = 0; i < tables.size(); ++i) {
            Check(workbook_validate_sheet_name(wb, names[i].c_str()), path);
            lxw_worksheet* ws = workbook_add_worksheet(wb, names[i].c_str());
            if (!ws) Check(LXW_ERROR_MEMORY_MALLOC_FAILED, path);
            WriteSheet(ws, formats, *tables[i], path);
        }
    } catch (...) {
        workbook_close(wb);
        throw;
    }
    Check(workbook_close(wb), path);
}

}  // namespace cchc::report
