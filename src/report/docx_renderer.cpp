#include "report/docx_renderer.h"

#include <zip.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <numeric>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

#include "core/i18n.h"

#include "report/layout.h"
#include "report/pdf_renderer.h"
#include "report/text_layout.h"

namespace cchc::report {

namespace {

constexpr double kTwipsPerMm = 1440.0 / 25.4;
constexpr double kTwipsPerPt = 20.0;
// The width of a table's borders (w:sz 4, in eighths of a point).
constexpr double kRowBorderPt = 0.5;
constexpr long kEmuPerPt = 12700;
constexpr int kIndentTwips = 720;  // 1.27 cm

long Twips(double mm) { return std::lround(mm * kTwipsPerMm); }
int HalfPoints(double pt) { return static_cast<int>(std::lround(pt * 2)); }

std::string Esc(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                // Control characters are not allowed in XML 1.0.
                if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') out += c;
        }
    }
    return out;
}

const char* Jc(Align a) {
    switch (a) {
        case Align::Left:
            return "left";
        case Align::Center:
            return "center";
        case Align::Right:
            return "right";
        case Align::Justify:
            return "both";
    }
    return "left";
}

std::string CannotWrite(const std::string& path, const char* why) {
    return fmt::format(fmt::runtime(tr("{0}: cannot write the file ({1})")), path, why);
}

// Writes the parts of the package into a zip file.
class ZipWriter {
  public:
    explicit ZipWriter(const std::string& path) : path_(path) {
        int err = 0;
        zip_ = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
        if (!zip_) {
            zip_error_t e;
            zip_error_init_with_code(&e, err);
            std::string msg = CannotWrite(path, zip_error_strerror(&e));
            zip_error_fini(&e);
            throw std::runtime_error(msg);
        }
    }
    ~ZipWriter() {
        if (zip_) zip_discard(zip_);
    }
    void Add(const std::string& name, std::string content) {
        data_.push_back(std::move(content));
        const std::string& d = data_.back();
        zip_source_t* src = zip_source_buffer(zip_, d.data(), d.size(), 0);
        if (!src ||
            zip_file_add(zip_, name.c_str(), src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) < 0) {
            if (src) zip_source_free(src);
            throw std::runtime_error(CannotWrite(path_, zip_strerror(zip_)));
        }
    }
    void Close() {
        if (zip_close(zip_) < 0) {
            std::string msg = CannotWrite(path_, zip_strerror(zip_));
            zip_discard(zip_);
            zip_ = nullptr;
            throw std::runtime_error(msg);
        }
        zip_ = nullptr;
    }

  private:
    std::string path_;
    zip_t* zip_ = nullptr;
    std::deque<std::string> data_;  // buffers live until the archive is closed
};

struct RunStyle {
    double sizePt = 0;  // 0: style default
    bool bold = false;
    bool italic = false;
};

class DocxWriter {
  public:
    explicit DocxWriter(const Document& doc)
        : doc_(doc), text_(doc.fontFamily, doc.fallbackFamily) {
        // What Word adds below a body paragraph's last line and the PDF does not.
        TextStyle single;
        single.sizePt = doc.bodySizePt;
        const double lineH = HeightOf(text_.Make({Run{"\xe1\xba\xa2y"}}, single, 1000).get());
        lastLineExtraPt_ = lineH * (kBodyLineSpacing - 1);
        // A table cell's lines are the font's single height in the PDF
        // (ascent and descent); Word's and LibreOffice's single spacing adds
        // the font's line gap: the cells' spacing takes it off.
        TextStyle spaced = single;
        spaced.lineSpacing = 1.0;
        const double pitch =
            HeightOf(text_.Make({Run{"\xe1\xba\xa2y\n\xe1\xba\xa2y"}}, spaced, 1000).get()) -
            HeightOf(text_.Make({Run{"\xe1\xba\xa2y"}}, spaced, 1000).get());
        if (pitch > lineH) cellLine_ = std::lround(240 * lineH / pitch);
    }

    void Write(const std::string& path) {
        std::ostringstream body;
        for (size_t i = 0; i < doc_.sections.size(); ++i) {
            const Section& s = doc_.sections[i];
            page_ = Decree30Page(s.orientation);
            widthTw_ = Twips(page_.ContentWidthMm());
            for (const auto& block : s.blocks)
                std::visit([&](const auto& b) { Put(body, b); }, block);
            if (i + 1 < doc_.sections.size())
                body << "<w:p><w:pPr>" << SectPr(s, i == 0) << "</w:pPr></w:p>";
        }
        if (doc_.sections.empty()) body << "<w:p/>";
        static const Section kPortrait;
        const Section& last = doc_.sections.empty() ? kPortrait : doc_.sections.back();
        body << SectPr(last, doc_.sections.size() <= 1);

        ZipWriter zip(path);
        zip.Add("[Content_Types].xml", ContentTypes());
        zip.Add("_rels/.rels", PackageRels());
        zip.Add("docProps/core.xml", CoreProps());
        zip.Add("word/document.xml", DocumentXml(body.str()));
        zip.Add("word/styles.xml", StylesXml());
        zip.Add("word/settings.xml", SettingsXml());
        if (doc_.pageNumbers) {
            zip.Add("word/header1.xml", HeaderXml(true));
            zip.Add("word/header2.xml", HeaderXml(false));
        }
        zip.Add("word/_rels/document.xml.rels", DocumentRels());
        for (size_t i = 0; i < images_.size(); ++i)
            zip.Add("word/media/image" + std::to_string(i + 1) + ".png", images_[i]);
        zip.Close();
    }

  private:
    const Document& doc_;
    TextFactory text_;
    PageSetup page_;
    long widthTw_ = 0;
    std::vector<std::string> images_;  // PNG bytes, word/media/imageN.png, rIdImgN
    int drawingId_ = 0;
    double lastLineExtraPt_ = 0;
    long cellLine_ = 240;  // a table cell's line spacing, in 240ths of Word's single

    std::string CellSpacing() const {
        return "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"" + std::to_string(cellLine_) +
               "\" w:lineRule=\"auto\"/>";
    }

    // The space after a body paragraph or heading as Word measures it: the
    // PDF's, less what Word's line spacing already put below the last line.
    // Word and LibreOffice keep the larger of one paragraph's space after
    // and the next one's space before, where the PDF adds them: a heading's
    // space before is the two of the PDF together (6 pt after the paragraph
    // above, 6 pt before the heading).
    long AfterTw(double pt) const {
        return std::lround(std::max(0.0, pt - lastLineExtraPt_) * kTwipsPerPt);
    }

    // ---- Runs and paragraphs ----

    static std::string RunXml(const std::string& text, const RunStyle& st) {
        std::ostringstream o;
        o << "<w:r>";
        if (st.bold || st.italic || st.sizePt > 0) {
            o << "<w:rPr>";
            if (st.bold) o << "<w:b/><w:bCs/>";
            if (st.italic) o << "<w:i/><w:iCs/>";
            if (st.sizePt > 0)
                o << "<w:sz w:val=\"" << HalfPoints(st.sizePt) << "\"/><w:szCs w:val=\""
                  << HalfPoints(st.sizePt) << "\"/>";
            o << "</w:rPr>";
        }
        // Line breaks inside a text become <w:br/>.
        size_t start = 0;
        while (true) {
            size_t nl = text.find('\n', start);
            std::string part = text.substr(start, nl == std::string::npos ? nl : nl - start);
            o << "<w:t xml:space=\"preserve\">" << Esc(part) << "</w:t>";
            if (nl == std::string::npos) break;
            o << "<w:br/>";
            start = nl + 1;
        }
        o << "</w:r>";
        return o.str();
    }

    static std::string RunsXml(const std::vector<Run>& runs, const RunStyle& base) {
        std::string out;
        for (const auto& r : runs) {
            RunStyle st = base;
            st.bold = st.bold || r.bold;
            st.italic = st.italic || r.italic;
            out += RunXml(r.text, st);
        }
        return out;
    }

    // A paragraph: pPr properties given as raw XML.
    static std::string Para(const std::string& pPr, const std::string& runs) {
        return "<w:p><w:pPr>" + pPr + "</w:pPr>" + runs + "</w:p>";
    }
    static std::string Spacing(int beforeTw, int afterTw) {
        return "<w:spacing w:before=\"" + std::to_string(beforeTw) + "\" w:after=\"" +
               std::to_string(afterTw) + "\"/>";
    }
    // The run properties of a paragraph's mark at sizePt: Word and
    // LibreOffice size a paragraph's last line (an empty cell's only one)
    // by its mark, which else takes the document's 14 pt.
    static std::string MarkSize(double sizePt) {
        const std::string half = std::to_string(std::lround(sizePt * 2));
        return "<w:rPr><w:sz w:val=\"" + half + "\"/><w:szCs w:val=\"" + half + "\"/></w:rPr>";
    }
    // An empty paragraph of a table cell at the table's size.
    std::string EmptyCell(double sizePt) const {
        return Para(CellSpacing() + MarkSize(sizePt), "");
    }
    static std::string Centered(int beforeTw = 0, int afterTw = 0) {
        return Spacing(beforeTw, afterTw) + "<w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>";
    }
    // A horizontal rule ruleTw long centred in a column colTw wide: the
    // bottom border of an empty paragraph indented from both sides.
    static std::string Rule(long colTw, long ruleTw) {
        long side = std::max(0L, (colTw - ruleTw) / 2);
        return Para(
            "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" "
            "w:color=\"000000\"/></w:pBdr><w:spacing w:before=\"0\" w:after=\"0\" "
            "w:line=\"80\" w:lineRule=\"exact\"/><w:ind w:left=\"" +
                std::to_string(side) + "\" w:right=\"" + std::to_string(side) +
                "\" w:firstLine=\"0\"/><w:rPr><w:sz w:val=\"4\"/></w:rPr>",
            "");
    }

    // ---- Borderless layout tables (header, signature) ----

    static std::string LayoutTable(const std::vector<long>& cols,
                                   const std::vector<std::vector<std::string>>& rows) {
        std::ostringstream o;
        long total = std::accumulate(cols.begin(), cols.end(), 0L);
        o << "<w:tbl><w:tblPr><w:tblW w:w=\"" << total << "\" w:type=\"dxa\"/><w:tblBorders>"
          << "<w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/>"
          << "<w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/>"
          << "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" "
             "w:type=\"dxa\"/>"
          << "<w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>"
          << "<w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>";
        for (long c : cols) o << "<w:gridCol w:w=\"" << c << "\"/>";
        o << "</w:tblGrid>";
        for (const auto& row : rows) {
            o << "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
            for (size_t c = 0; c < row.size(); ++c) {
                o << "<w:tc><w:tcPr><w:tcW w:w=\"" << cols[c] << "\" w:type=\"dxa\"/></w:tcPr>"
                  << (row[c].empty() ? "<w:p/>" : row[c]) << "</w:tc>";
            }
            o << "</w:tr>";
        }
        o << "</w:tbl>";
        return o.str();
    }

    // ---- Blocks ----

    void Put(std::ostream& o, const PageBreak&) {
        o << "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
    }

    void Put(std::ostream& o, const HeaderBlock& h) {
        double widthPt = page_.ContentWidthMm() * kPointsPerMm;
        HeaderFit fit = FitHeaderColumns(text_, h, widthPt);
        long leftTw = std::lround(fit.leftWidthPt * kTwipsPerPt);
        long rightTw = widthTw_ - leftTw;
        std::string left, right;
        RunStyle caps{fit.bodySizePt, false, false};
        if (!h.parentBody.empty()) left += Para(Centered(), RunXml(h.parentBody, caps));
        if (!h.issuingBody.empty()) {
            RunStyle bold = caps;
            bold.bold = true;
            // One paragraph per line of it (two at its break when one is
            // too narrow).
            const std::string body = IssuingBodyText(h, fit);
            double widest = 0;
            for (std::size_t a = 0; a <= body.size();) {
                std::size_t b = body.find('\n', a);
                if (b == std::string::npos) b = body.size();
                const std::string line = body.substr(a, b - a);
                left += Para(Centered(), RunXml(line, bold));
                widest = std::max(widest, text_.Width(line, fit.bodySizePt, true, false));
                a = b + 1;
            }
            double w = std::min(widest, fit.leftWidthPt - 8);
            double rule = std::max(15 * kPointsPerMm, w * 0.4);
            left += Rule(leftTw, std::lround(rule * kTwipsPerPt));
        }
        right += Para(Centered(), RunXml(h.nationalTitle, {fit.titleSizePt, true, false}));
        right += Para(Centered(), RunXml(h.motto, {14, true, false}));
        right += Rule(rightTw, std::lround(text_.Width(h.motto, 14, true, false) * kTwipsPerPt));
        std::string number = h.number.empty() ? "" : Para(Centered(120, 0), RunXml(h.number, caps));
        std::string date = h.placeDate.empty()
                               ? ""
                               : Para(Centered(120, 0), RunXml(h.placeDate, {14, false, true}));
        o << LayoutTable({leftTw, rightTw}, {{left, right}, {number, date}});
        o << Para(Spacing(0, 0), "");
    }

    void Put(std::ostream& o, const TitleBlock& t) {
        if (!t.documentType.empty())
            o << Para("<w:keepNext/>" + Centered(240, 0), RunXml(t.documentType, {0, true, false}));
        double widest = 0;
        for (const auto& s : t.summary) {
            o << Para("<w:keepNext/>" + Centered(), RunXml(s, {0, true, false}));
            widest = std::max(widest, std::min(text_.Width(s, doc_.bodySizePt, true, false),
                                               page_.ContentWidthMm() * kPointsPerMm * 0.9));
        }
        if (!t.summary.empty()) {
            double rule = std::clamp(widest / 3, 20 * kPointsPerMm, 60 * kPointsPerMm);
            o << Rule(widthTw_, std::lround(rule * kTwipsPerPt));
        }
        o << Para(Spacing(0, 120), "");
    }

    void Put(std::ostream& o, const Heading& h) {
        int level = std::clamp(h.level, 1, 3);
        o << Para("<w:pStyle w:val=\"Heading" + std::to_string(level) + "\"/>", RunXml(h.text, {}));
    }

    void Put(std::ostream& o, const Paragraph& p) {
        std::string pPr = "<w:pStyle w:val=\"BodyText\"/>";
        if (p.spaceAfterPt != 6) pPr += Spacing(0, AfterTw(p.spaceAfterPt));
        if (!p.firstLineIndent) pPr += "<w:ind w:firstLine=\"0\"/>";
        if (p.align != Align::Justify) pPr += std::string("<w:jc w:val=\"") + Jc(p.align) + "\"/>";
        o << Para(pPr, RunsXml(p.runs, {p.sizePt, false, false}));
    }

    void Put(std::ostream& o, const Table& t) {
        TableGrid g = ResolveGrid(t);
        if (g.rows == 0 || g.columns == 0) return;
        // The PDF's widths and type, so that no word breaks in a cell here
        // either; a point more each side for the borders Word and
        // LibreOffice draw inside the cell.
        const TableFit fit = FitTable(text_, t, g, widthTw_ / kTwipsPerPt, kCellPadXPt + 1);
        std::vector<long> cols(g.columns);
        for (int c = 0; c < g.columns; ++c) cols[c] = std::lround(fit.widths[c] * kTwipsPerPt);
        int headerRows = std::clamp(t.headerRows, 0, g.rows);

        o << "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\""
          << std::accumulate(cols.begin(), cols.end(), 0L) << "\" w:type=\"dxa\"/>"
          << "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\"/></w:tblPr><w:tblGrid>";
        for (long c : cols) o << "<w:gridCol w:w=\"" << c << "\"/>";
        o << "</w:tblGrid>";
        for (int r = 0; r < g.rows; ++r) {
            bool header = r < headerRows;
            o << "<w:tr><w:trPr><w:cantSplit/>" << (header ? "<w:tblHeader/>" : "") << "</w:trPr>";
            for (int c = 0; c < g.columns;) {
                int index = g.owner[r][c];
                if (index < 0) {
                    o << "<w:tc><w:tcPr><w:tcW w:w=\"" << cols[c] << "\" w:type=\"dxa\"/></w:tcPr>"
                      << EmptyCell(fit.sizePt) << "</w:tc>";
                    ++c;
                    continue;
                }
                const GridCell& gc = g.cells[index];
                int span = gc.col + gc.colSpan - c;
                long w = 0;
                for (int k = c; k < c + span; ++k) w += cols[k];
                o << "<w:tc><w:tcPr><w:tcW w:w=\"" << w << "\" w:type=\"dxa\"/>";
                if (span > 1) o << "<w:gridSpan w:val=\"" << span << "\"/>";
                if (gc.rowSpan > 1)
                    o << (gc.row == r ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>");
                o << "<w:vAlign w:val=\"center\"/></w:tcPr>";
                if (gc.row == r) {
                    const TableCell& cell = *gc.cell;
                    Align a = cell.align                    ? *cell.align
                              : header                      ? Align::Center
                              : cell.kind != CellKind::Text ? Align::Right
                                                            : Align::Left;
                    RunStyle st{fit.sizePt, header || t.rows[r].bold, false};
                    o << Para(CellSpacing() + "<w:ind w:firstLine=\"0\"/><w:jc w:val=\"" + Jc(a) +
                                  "\"/>" + MarkSize(fit.sizePt),
                              RunsXml(cell.runs, st));
                } else {
                    o << EmptyCell(fit.sizePt);
                }
                o << "</w:tc>";
                c += span;
            }
            o << "</w:tr>";
        }
        // The paragraph a table must be followed by: the 6 pt gap before
        // what follows, and no more (one at the document's size would carry
        // a table that fills its last page onto a blank one).
        o << "</w:tbl>"
          << Para(
                 "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"120\" "
                 "w:lineRule=\"exact\"/>" +
                     MarkSize(1),
                 "");
    }

    // A picture of a block drawn by the layout engine on a page of its own.
    std::string Picture(const Block& block, double widthMm, double* heightPt = nullptr) {
        Document d;
        d.fontFamily = doc_.fontFamily;
        d.fallbackFamily = doc_.fallbackFamily;
        d.bodySizePt = doc_.bodySizePt;
        d.pageNumbers = false;
        d.Last().blocks.push_back(block);
        PageSetup p;
        p.widthMm = widthMm;
        p.heightMm = 1000;
        p.topMm = p.bottomMm = p.leftMm = p.rightMm = 0;
        LaidOutDocument pages = LayOutOnPage(d, p);
        double h = std::max(1.0, pages.UsedHeightPt(0));
        images_.push_back([&] {
            auto bytes = PagePngBytes(pages, 0, 200, h);
            return std::string(bytes.begin(), bytes.end());
        }());
        if (heightPt) *heightPt = h;
        return Drawing(static_cast<int>(images_.size()), widthMm * kPointsPerMm, h);
    }

    std::string Drawing(int image, double wPt, double hPt) {
        int id = ++drawingId_;
        long cx = std::lround(wPt * kEmuPerPt), cy = std::lround(hPt * kEmuPerPt);
        std::ostringstream o;
        o << "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
          << "<wp:extent cx=\"" << cx << "\" cy=\"" << cy << "\"/>"
          << "<wp:docPr id=\"" << id << "\" name=\"Picture " << id << "\"/>"
          << "<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/>"
          << "</wp:cNvGraphicFramePr><a:graphic><a:graphicData "
          << "uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
          << "<pic:nvPicPr><pic:cNvPr id=\"" << id << "\" name=\"image" << image
          << ".png\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rIdImg" << image
          << "\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr>"
          << "<a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"" << cx << "\" cy=\"" << cy
          << "\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
          << "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>";
        return o.str();
    }

    void Put(std::ostream& o, const BarChart& c) {
        o << Para(Centered(120, 120), Picture(c, page_.ContentWidthMm()));
    }

    void Put(std::ostream& o, const QrBlock& q) {
        QrBlock bare = q;
        bare.caption.clear();
        bare.align = Align::Center;
        std::string pic = Picture(bare, q.sizeMm);
        std::string jc = std::string("<w:jc w:val=\"") + Jc(q.align) + "\"/>";
        o << Para("<w:keepNext/>" + Spacing(120, 0) + "<w:ind w:firstLine=\"0\"/>" + jc, pic);
        if (!q.caption.empty())
            o << Para(Spacing(0, 120) + "<w:ind w:firstLine=\"0\"/>" + jc,
                      RunXml(q.caption, {11, false, true}));
    }

    void Put(std::ostream& o, const SignatureBlock& s) {
        long leftTw = std::lround(widthTw_ * 0.46), rightTw = widthTw_ - leftTw;
        std::string left, right;
        std::string tight = Spacing(0, 0) + "<w:ind w:firstLine=\"0\"/><w:jc w:val=\"left\"/>";
        if (!s.recipientsHeading.empty())
            left += Para(Spacing(60, 0) + "<w:ind w:firstLine=\"0\"/><w:jc w:val=\"left\"/>",
                         RunXml(s.recipientsHeading, {12, true, true}));
        for (const auto& r : s.recipients) left += Para(tight, RunXml(r, {11, false, false}));
        for (const auto& a : s.authority) right += Para(Centered(), RunXml(a, {0, true, false}));
        if (!s.signer.empty())
            right += Para(Centered(std::lround(s.signatureSpaceMm * kTwipsPerMm), 0),
                          RunXml(s.signer, {0, true, false}));
        o << Para("<w:keepNext/>" + Spacing(0, 0), "");
        o << LayoutTable({leftTw, rightTw}, {{left, right}});
    }

    // A card's photo frame (3 × 4, its caption inside) and its code side by
    // side: a borderless table of three cells, the first one framed.
    std::string PhotoAndCode(const Card& card, double codeMm) {
        const long codeTw = Twips(codeMm), photoTw = Twips(codeMm * 0.75), gapTw = Twips(4),
                   heightTw = Twips(codeMm + 2);
        QrBlock q;
        q.text = card.qrText;
        q.sizeMm = codeMm;
        std::ostringstream o;
        o << "<w:tbl><w:tblPr><w:tblW w:w=\"" << photoTw + gapTw + codeTw
          << "\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>"
          << "<w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/>"
          << "<w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/>"
          << "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" "
             "w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar><w:tblLook "
             "w:val=\"0000\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\""
          << photoTw << "\"/><w:gridCol w:w=\"" << gapTw << "\"/><w:gridCol w:w=\"" << codeTw
          << "\"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:trHeight w:val=\"" << heightTw
          << "\" w:hRule=\"exact\"/></w:trPr>";
        o << "<w:tc><w:tcPr><w:tcW w:w=\"" << photoTw << "\" w:type=\"dxa\"/><w:tcBorders>";
        for (const char* side : {"top", "left", "bottom", "right"})
            o << "<w:" << side << " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8C8C8C\"/>";
        o << "</w:tcBorders><w:vAlign w:val=\"center\"/></w:tcPr>"
          << Para(Centered(), RunXml(card.photo, {9, false, true})) << "</w:tc>";
        o << "<w:tc><w:tcPr><w:tcW w:w=\"" << gapTw << "\" w:type=\"dxa\"/></w:tcPr><w:p/></w:tc>";
        o << "<w:tc><w:tcPr><w:tcW w:w=\"" << codeTw
          << "\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
          << Para(Centered(), Picture(q, codeMm)) << "</w:tc></w:tr></w:tbl>";
        return o.str();
    }

    void Put(std::ostream& o, const CardGrid& g) {
        int cols = std::max(1, g.columns), rows = std::max(1, g.rows);
        long colTw = widthTw_ / cols;
        // Row height: the page's content height shared by the rows, less a
        // little so that rounding never pushes a row onto the next page.
        long rowTw = Twips(page_.ContentHeightMm()) / rows - 60;
        double cardWmm = page_.ContentWidthMm() / cols;
        double qrMm = std::min(cardWmm * 0.6, page_.ContentHeightMm() / rows * 0.5);
        o << "<w:tbl><w:tblPr><w:tblW w:w=\"" << colTw * cols << "\" w:type=\"dxa\"/>"
          << "<w:tblBorders>";
        for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
            o << "<w:" << side << " w:val=\"dashed\" w:sz=\"4\" w:space=\"0\" w:color=\"777777\"/>";
        o << "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblLook "
             "w:val=\"0000\"/></w:tblPr><w:tblGrid>";
        for (int c = 0; c < cols; ++c) o << "<w:gridCol w:w=\"" << colTw << "\"/>";
        o << "</w:tblGrid>";
        for (size_t i = 0; i < g.cards.size(); i += cols) {
            o << "<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val=\"" << rowTw
              << "\" w:hRule=\"exact\"/></w:trPr>";
            for (int c = 0; c < cols; ++c) {
                o << "<w:tc><w:tcPr><w:tcW w:w=\"" << colTw << "\" w:type=\"dxa\"/></w:tcPr>";
                if (i + c < g.cards.size()) {
                    const Card& card = g.cards[i + c];
                    o << Para(Spacing(0, 0), "");
                    for (const auto& l : card.lines)
                        o << Para(Centered(), RunXml(l.text, {l.sizePt, l.bold, l.italic}));
                    if (!card.qrText.empty() && !card.photo.empty()) {
                        o << PhotoAndCode(card, std::min(qrMm, (cardWmm - 16) / 1.75));
                    } else if (!card.qrText.empty()) {
                        QrBlock q;
                        q.text = card.qrText;
                        q.sizeMm = qrMm;
                        o << Para(Centered(60, 60), Picture(q, qrMm));
                    }
                    for (const auto& l : card.footer)
                        o << Para(Centered(), RunXml(l.text, {l.sizePt, l.bold, l.italic}));
                } else {
                    o << "<w:p/>";
                }
                o << "</w:tc>";
            }
            o << "</w:tr>";
        }
        // A tiny closing paragraph (Word needs one after a table) that fits
        // under a full page of cards without making a page of its own.
        o << "</w:tbl>"
          << Para(
                 "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" "
                 "w:lineRule=\"exact\"/><w:rPr><w:sz w:val=\"2\"/></w:rPr>",
                 "");
    }

    // ---- Package parts ----

    std::string SectPr(const Section& s, bool first) const {
        PageSetup p = Decree30Page(s.orientation);
        std::ostringstream o;
        o << "<w:sectPr>";
        if (doc_.pageNumbers) {
            o << "<w:headerReference w:type=\"default\" r:id=\"rIdHdrNumber\"/>";
            if (first) o << "<w:headerReference w:type=\"first\" r:id=\"rIdHdrFirst\"/>";
        }
        o << "<w:type w:val=\"nextPage\"/>";
        o << "<w:pgSz w:w=\"" << Twips(p.widthMm) << "\" w:h=\"" << Twips(p.heightMm) << "\"";
        if (s.orientation == Orientation::Landscape) o << " w:orient=\"landscape\"";
        o << "/><w:pgMar w:top=\"" << Twips(p.topMm) << "\" w:right=\"" << Twips(p.rightMm)
          << "\" w:bottom=\"" << Twips(p.bottomMm) << "\" w:left=\"" << Twips(p.leftMm)
          << "\" w:header=\"" << Twips(p.topMm / 2 - 2) << "\" w:footer=\"" << Twips(p.bottomMm / 2)
          << "\" w:gutter=\"0\"/>";
        if (first && doc_.pageNumbers) o << "<w:titlePg/>";
        o << "</w:sectPr>";
        return o.str();
    }

    static std::string DocumentXml(const std::string& body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
               "<w:document "
               "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
               "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
               "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/"
               "wordprocessingDrawing\" "
               "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
               "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
               "<w:body>" +
               body + "</w:body></w:document>";
    }

    std::string StylesXml() const {
        std::string f = Esc(doc_.fontFamily);
        int body = HalfPoints(doc_.bodySizePt);
        std::ostringstream o;
        o << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          << "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
          << "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"" << f << "\" w:hAnsi=\"" << f
          << "\" w:eastAsia=\"" << f << "\" w:cs=\"" << f << "\"/><w:sz w:val=\"" << body
          << "\"/><w:szCs w:val=\"" << body << "\"/><w:lang w:val=\"vi-VN\"/></w:rPr>"
          << "</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" "
          << "w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
          << "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
          << "<w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
          << "<w:style w:type=\"paragraph\" w:styleId=\"BodyText\"><w:name w:val=\"Body Text\"/>"
          << "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:before=\"0\" "
          << "w:after=\"" << AfterTw(6) << "\" w:line=\"" << std::lround(240 * kBodyLineSpacing)
          << "\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"" << kIndentTwips << "\"/>"
          << "<w:jc w:val=\"both\"/></w:pPr></w:style>";
        for (int level = 1; level <= 3; ++level) {
            o << "<w:style w:type=\"paragraph\" w:styleId=\"Heading" << level << "\">"
              << "<w:name w:val=\"heading " << level << "\"/><w:basedOn w:val=\"BodyText\"/>"
              << "<w:next w:val=\"BodyText\"/><w:qFormat/><w:pPr><w:keepNext/>"
              << "<w:spacing w:before=\"" << AfterTw(12) << "\" w:after=\"" << AfterTw(6)
              << "\"/><w:outlineLvl w:val=\"" << level - 1 << "\"/></w:pPr><w:rPr>"
              << (level <= 2 ? "<w:b/><w:bCs/>" : "") << "</w:rPr></w:style>";
        }
        o << "<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/>"
          << "<w:basedOn w:val=\"Normal\"/><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
          << "<w:rPr><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr></w:style>"
          << "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
          << "<w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/>"
          << "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
          << "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"70\" w:type=\"dxa\"/>"
          << "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"70\" w:type=\"dxa\"/>"
          << "</w:tblCellMar></w:tblPr></w:style>"
          << "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/>"
          << "<w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders>";
        for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
            o << "<w:" << side << " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>";
        // Top and bottom as the PDF's cells, less the half-point border a
        // word processor adds to each row, so that rows are as tall as in
        // the PDF and the pages break on the same rows.
        const long padTw = std::lround((kCellPadYPt - kRowBorderPt / 2) * kTwipsPerPt);
        o << "</w:tblBorders><w:tblCellMar><w:top w:w=\"" << padTw << "\" w:type=\"dxa\"/>"
          << "<w:bottom w:w=\"" << padTw << "\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
          << "</w:styles>";
        return o.str();
    }

    static std::string SettingsXml() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
               "<w:settings "
               "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
               "<w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"720\"/>"
               "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
               "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
               "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
               "</w:settings>";
    }

    static std::string HeaderXml(bool withNumber) {
        std::string p = "<w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>";
        if (withNumber)
            p += "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                 "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
                 "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                 "<w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
        p += "</w:p>";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
               "<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
               "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
               p + "</w:hdr>";
    }

    std::string ContentTypes() const {
        std::string o =
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            "<Default Extension=\"rels\" "
            "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            "<Default Extension=\"png\" ContentType=\"image/png\"/>"
            "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
            "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            "<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
            "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
            "<Override PartName=\"/word/settings.xml\" ContentType=\"application/"
            "vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
            "<Override PartName=\"/docProps/core.xml\" "
            "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>";
        if (doc_.pageNumbers)
            for (const char* h : {"header1", "header2"})
                o += std::string("<Override PartName=\"/word/") + h +
                     ".xml\" ContentType=\"application/"
                     "vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>";
        return o + "</Types>";
    }

    static std::string PackageRels() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
               "<Relationships "
               "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
               "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
               "officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
               "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
               "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
               "</Relationships>";
    }

    std::string CoreProps() const {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
               "<cp:coreProperties "
               "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
               "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
               "<dc:title>" +
               Esc(doc_.title) +
               "</dc:title><dc:creator>CCHC Desk</dc:creator>"
               "</cp:coreProperties>";
    }

    std::string DocumentRels() const {
        std::ostringstream o;
        const char* base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
        o << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          << "<Relationships "
             "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          << "<Relationship Id=\"rIdStyles\" Type=\"" << base << "styles\" Target=\"styles.xml\"/>"
          << "<Relationship Id=\"rIdSettings\" Type=\"" << base
          << "settings\" Target=\"settings.xml\"/>";
        if (doc_.pageNumbers)
            o << "<Relationship Id=\"rIdHdrNumber\" Type=\"" << base
              << "header\" Target=\"header1.xml\"/>"
              << "<Relationship Id=\"rIdHdrFirst\" Type=\"" << base
              << "header\" Target=\"header2.xml\"/>";
        for (size_t i = 1; i <= images_.size(); ++i)
            o << "<Relationship Id=\"rIdImg" << i << "\" Type=\"" << base
              << "image\" Target=\"media/image" << i << ".png\"/>";
        o << "</Relationships>";
        return o.str();
    }
};

}  // namespace

void RenderDocx(const Document& doc, const std::string& path) { DocxWriter(doc).Write(path); }

}  // namespace cchc::report
