#include "report/tools/sample_document.h"

#include <string>

#include "core/vnformat.h"

namespace cchc::report::sample {

const char* const kTableHeader[] = {"STT",      "Lĩnh vực", "Tiếp nhận",
                                    "Đúng hạn", "Trễ hạn",  "Tỷ lệ đúng hạn"};

namespace {

const char* const kFields[] = {"Hộ tịch",
                               "Chứng thực",
                               "Đất đai",
                               "Xây dựng",
                               "Bảo trợ xã hội",
                               "Người có công",
                               "Tư pháp",
                               "Giáo dục và Đào tạo",
                               "Thành lập và hoạt động của hộ kinh doanh",
                               "Tín ngưỡng, tôn giáo",
                               "Văn hóa cơ sở",
                               "Môi trường"};

// The issuing bodies, number and place and date of the quarterly report.
HeaderBlock QuarterlyHeader() {
    HeaderBlock h;
    h.parentBody = "UBND HUYỆN TUY PHƯỚC";
    h.issuingBody = "ỦY BAN NHÂN DÂN XÃ TÂY XUÂN";
    h.number = FormatDocNumber(5, "BC", "UBND");
    h.placeDate = FormatPlaceDate("Tây Xuân", Date{2026, 1, 5});
    return h;
}

// Dossiers received and settled on time per field, `tableRows` rows and a
// total.
Table DossiersByFieldTable(int tableRows) {
    Table t;
    t.sheetName = "Hồ sơ theo lĩnh vực";
    t.columnWidths = {1.0, 4.6, 1.7, 1.7, 1.5, 2.0};
    t.headerRows = 1;
    TableRow head;
    for (const char* s : kTableHeader) head.cells.emplace_back(s);
    t.rows.push_back(head);
    long long totalIn = 0, totalOn = 0;
    for (int i = 1; i <= tableRows; ++i) {
        TableRow r;
        int in = 20 + (i * 37) % 180;
        int late = (i % 7 == 0) ? 1 + i % 3 : 0;
        totalIn += in;
        totalOn += in - late;
        r.cells.push_back(TableCell::Integer(i).Aligned(Align::Center));
        std::string field = kFields[(i - 1) % 12];
        if (i % 12 == 9) field += " (tiếp nhận qua dịch vụ bưu chính công ích và trực tuyến)";
        r.cells.emplace_back(field);
        r.cells.push_back(TableCell::Integer(in));
        r.cells.push_back(TableCell::Integer(in - late));
        r.cells.push_back(TableCell::Integer(late));
        r.cells.push_back(TableCell::Percent(100.0 * (in - late) / in));
        t.rows.push_back(r);
    }
    TableRow total;
    total.bold = true;
    total.cells.push_back(TableCell("Tổng cộng", true).Span(1, 2).Aligned(Align::Center));
    total.cells.push_back(TableCell::Integer(totalIn));
    total.cells.push_back(TableCell::Integer(totalOn));
    total.cells.push_back(TableCell::Integer(totalIn - totalOn));
    total.cells.push_back(TableCell::Percent(100.0 * totalOn / totalIn));
    t.rows.push_back(total);
    return t;
}

// Satisfaction per field of the first six fields.
BarChart SatisfactionChart() {
    BarChart c;
    c.title = "Tỷ lệ hài lòng theo lĩnh vực, quý IV năm 2025";
    std::vector<double> rates = {98.5, 96.2, 88.0, 91.4, 100, 97.3};
    for (int i = 0; i < 6; ++i) {
        c.labels.push_back(kFields[i]);
        c.values.push_back(rates[i]);
        c.valueTexts.push_back(FormatPercentTrim(rates[i], 2));
    }
    c.maxValue = 100;
    return c;
}

SignatureBlock QuarterlySignature() {
    SignatureBlock s;
    s.authority = {"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"};
    s.signer = "Huỳnh Văn Dũng";
    s.recipientsHeading = "Nơi nhận:";
    s.recipients = {"- Phòng Nội vụ huyện;", "- TT Đảng ủy, TT HĐND xã;",
                    "- Chủ tịch, các PCT UBND xã;", "- Lưu: VT, VP."};
    return s;
}

// The annex's wide table (form II.06a) with merged header cells.
Table AnnexTable() {
    Table w;
    w.sheetName = "Phụ lục II.06a";
    w.columnWidths = {0.8, 4.0, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3};
    w.headerRows = 2;
    TableRow h1, h2;
    h1.cells.push_back(TableCell("STT").Span(2, 1));
    h1.cells.push_back(TableCell("Lĩnh vực").Span(2, 1));
    h1.cells.push_back(TableCell("Số hồ sơ nhận").Span(1, 3));
    h1.cells.push_back(TableCell("Số hồ sơ đã giải quyết").Span(1, 4));
    for (const char* s2 :
         {"Tổng số", "Trực tuyến", "Trực tiếp", "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn"})
        h2.cells.emplace_back(s2);
    w.rows = {h1, h2};
    for (int i = 1; i <= 12; ++i) {
        TableRow r;
        int total2 = 30 + i * 11, online = total2 / 3;
        r.cells.push_back(TableCell::Integer(i).Aligned(Align::Center));
        r.cells.emplace_back(kFields[i - 1]);
        r.cells.push_back(TableCell::Integer(total2));
        r.cells.push_back(TableCell::Integer(online));
        r.cells.push_back(TableCell::Integer(total2 - online));
        r.cells.push_back(TableCell::Integer(total2 - 2));
        r.cells.push_back(TableCell::Integer(total2 / 4));
        r.cells.push_back(TableCell::Integer(total2 - 2 - total2 / 4));
        r.cells.push_back(TableCell::Integer(0));
        w.rows.push_back(r);
    }
    return w;
}

}  // namespace

Document QuarterlyReport(int tableRows) {
    Document doc;
    doc.title = "Báo cáo công tác cải cách hành chính quý IV năm 2025";
    doc.Add(QuarterlyHeader());
    doc.Add(TitleBlock{"BÁO CÁO",
                       {"Kết quả thực hiện công tác cải cách hành chính", "quý IV năm 2025"}});
    doc.Add(Paragraph(
        "Thực hiện Kế hoạch số 05/KH-UBND ngày 12/01/2025 của Ủy ban nhân dân xã Tây Xuân về "
        "cải cách hành chính năm 2025, Ủy ban nhân dân xã báo cáo kết quả thực hiện công tác "
        "cải cách hành chính quý IV năm 2025 như sau:"));
    doc.Add(Heading{1, "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"});
    doc.Add(Heading{2, "1. Kế hoạch cải cách hành chính"});
    doc.Add(Paragraph({{"Ủy ban nhân dân xã đã ban hành "},
                       {"Kế hoạch số 05/KH-UBND", true},
                       {" ngày 12/01/2025 về cải cách hành chính năm 2025; tỷ lệ hoàn thành "
                        "nhiệm vụ đề ra trong kế hoạch đạt "},
                       {"99,12%", true},
                       {". Các nhiệm vụ còn lại được chuyển sang thực hiện trong quý I năm 2026 "
                        "(",
                        false},
                       {"chi tiết tại Phụ lục kèm theo", false, true},
                       {")."}}));
    doc.Add(Heading{3, "a) Công tác kiểm tra"});
    doc.Add(Paragraph(
        "Trong quý, Ủy ban nhân dân xã tổ chức kiểm tra việc giải quyết thủ tục hành chính tại "
        "Bộ phận Tiếp nhận và Trả kết quả; qua kiểm tra không phát hiện trường hợp cán bộ, công "
        "chức gây phiền hà, sách nhiễu tổ chức, cá nhân. Việc tiếp nhận, giải quyết hồ sơ được "
        "thực hiện đúng quy trình, công khai, minh bạch; kết quả giải quyết được trả đúng hẹn."));
    doc.Add(Heading{1, "II. KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"});
    doc.Add(
        Paragraph("Kết quả tiếp nhận và giải quyết hồ sơ thủ tục hành chính theo từng lĩnh "
                  "vực trong quý được tổng hợp tại bảng sau:"));
    doc.Add(DossiersByFieldTable(tableRows));

    doc.Add(Heading{1, "III. MỨC ĐỘ HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC"});
    doc.Add(
        Paragraph("Tỷ lệ người dân, tổ chức hài lòng với việc giải quyết thủ tục hành chính "
                  "theo từng lĩnh vực (tỷ lệ phiếu rất hài lòng và hài lòng trên tổng số "
                  "phiếu) như sau:"));
    doc.Add(SatisfactionChart());
    doc.Add(Heading{1, "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ I NĂM 2026"});
    doc.Add(
        Paragraph("Tiếp tục thực hiện nghiêm kỷ luật, kỷ cương hành chính; nâng cao tỷ lệ hồ "
                  "sơ giải quyết đúng hạn; đẩy mạnh dịch vụ công trực tuyến và thanh toán "
                  "trực tuyến; duy trì đánh giá cán bộ, công chức bằng mã QR tại Bộ phận "
                  "Tiếp nhận và Trả kết quả."));
    QrBlock q;
    q.text = "https://dichvucong.gov.vn/danh-gia?don-vi=tay-xuan";
    q.sizeMm = 25;
    q.caption = "Quét mã để đánh giá mức độ hài lòng";
    doc.Add(q);
    doc.Add(
        Paragraph("Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính quý IV "
                  "năm 2025 của Ủy ban nhân dân xã Tây Xuân./."));
    doc.Add(QuarterlySignature());

    // Annex: a wide table in landscape with merged header cells.
    Section& annex = doc.NewSection(Orientation::Landscape);
    annex.blocks.emplace_back(
        TitleBlock{"PHỤ LỤC", {"Tình hình giải quyết hồ sơ theo mẫu II.06a"}});
    annex.blocks.emplace_back(AnnexTable());
    return doc;
}

Document OfficerQrCards(int officers) {
    static const char* const kNames[] = {"Nguyễn Thị Kim Yến",    "Trương Việt Hùng",
                                         "Nguyễn Thành Công Hào", "Lê Thị Hồng Nhung",
                                         "Phạm Văn Đức",          "Trần Thị Thu Hà"};
    Document doc;
    doc.title = "Mã QR đánh giá cán bộ, công chức";
    CardGrid g;
    g.columns = 2;
    g.rows = 3;
    for (int i = 0; i < officers; ++i) {
        Card c;
        c.lines = {{"ỦY BAN NHÂN DÂN XÃ TÂY XUÂN", true, false, 11},
                   {"ĐÁNH GIÁ CÁN BỘ, CÔNG CHỨC", true, false, 12},
                   {kNames[i % 6], true, false, 14},
                   {"Công chức Văn phòng - Thống kê", false, true, 11}};
        c.qrText = "https://danhgia.tayxuan.gov.vn/can-bo/" + std::to_string(1001 + i);
        c.photo = "Ảnh 3 x 4";
        c.footer = {{"Quét mã QR để đánh giá", false, true, 11}};
        g.cards.push_back(c);
    }
    doc.Add(g);
    return doc;
}

}  // namespace cchc::report::sample
