using AgriLink.Grains.Projections;
using AgriLink.Web.Localization;
using AgriLink.Web.Pages.Board;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace AgriLink.Web.Printing;

/// <summary>What a printed notice shows: the board's notice, every line with a person's name already masked, and its footer.</summary>
public sealed record PrintedNotice(
    BoardCooperative Cooperative, BoardNotice Notice, IReadOnlyList<(string Shown, long PaidFen)> Lines, string? CheckCode, string BoardUrl,
    DateTimeOffset GeneratedAt);

/// <summary>
/// A distribution plan on notice as an A4 PDF for the village's notice board on paper (纸质公示): the same totals, rules,
/// lines and objection route as the online board, in Chinese (it hangs on a village wall), with a QR code to the online
/// board and, on every page, when it was generated and the notice's check code, which the online board shows too.
/// </summary>
public static class NoticePdf
{
    private const double Margin = 48, Width = 595.28, Height = 841.89, FooterHeight = 40, QrSize = 84;
    private const int LineColumns = 3;

    public static byte[] Render(PrintedNotice printed)
    {
        ArgumentNullException.ThrowIfNull(printed);
        var document = new PdfDocument();
        document.Info.Title = $"{printed.Cooperative.Name} {printed.Notice.FiscalYear} 年度盈余分配方案公示";
        document.Info.Creator = "AgriLink 农链";
        var sheet = new Sheet(document);
        Header(sheet, printed);
        Totals(sheet, printed.Notice);
        Lines(sheet, printed.Lines);
        sheet.Close();
        Footers(document, printed);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void Header(Sheet sheet, PrintedNotice printed)
    {
        var n = printed.Notice;
        var qr = Qr(printed.BoardUrl);
        sheet.Graphics.DrawImage(qr, Width - Margin - QrSize, Margin, QrSize, QrSize);
        sheet.Graphics.DrawString("扫码查看网上公示栏", Fonts.Small, XBrushes.Black,
            new XRect(Width - Margin - QrSize - 20, Margin + QrSize + 2, QrSize + 40, 12), XStringFormats.TopCenter);

        var textWidth = Width - 2 * Margin - QrSize - 16;
        sheet.Paragraph(printed.Cooperative.Name, Fonts.Title, textWidth);
        sheet.Paragraph($"{n.FiscalYear} 年度盈余分配方案公示", Fonts.Heading, textWidth);
        sheet.Paragraph($"{printed.Cooperative.Village}（县级区划 {printed.Cooperative.CountyCode}）", Fonts.Body, textWidth);
        sheet.Y = Math.Max(sheet.Y, Margin + QrSize + 18);
        sheet.Gap(6);
        sheet.Paragraph(n.Status == "Paid"
            ? $"本方案已于 {n.PaidOn:yyyy-MM-dd} 发放。"
            : $"公示期：{n.NoticeStart:yyyy-MM-dd} 至 {n.NoticeEnd:yyyy-MM-dd}。", Fonts.Body);
        sheet.Paragraph("如有异议：本社成员可在公示期内登录农链，在“我的分红”页提出异议，写明理由；也可向本社理事会或监事会书面提出。每项异议都有书面答复。", Fonts.Body);
        sheet.Paragraph(n.AssemblyResolution is not null ? "成员大会已表决通过本方案。" : "本方案须经成员大会表决通过后才能发放。", Fonts.Body);
        sheet.Gap(6);
    }

    private static void Totals(Sheet sheet, BoardNotice n)
    {
        sheet.Paragraph("分配总额与规则", Fonts.Heading);
        (string Item, long Fen, string Rule)[] rows =
        [
            ("本年盈余", n.SurplusFen, ""),
            ("弥补亏损", n.LossesMadeGoodFen, "先弥补以前年度亏损"),
            ("提取公积金", n.ReserveFen, $"按章程提取 {IndexModel.Percent(n.ReserveRateBp)}"),
            ("提取公益金", n.WelfareFen, $"按章程提取 {IndexModel.Percent(n.WelfareRateBp)}"),
            ("可分配盈余", n.DistributableFen, ""),
            ("按交易量返还", n.TradePoolFen, $"可分配盈余的 {IndexModel.Percent(n.TradeReturnRateBp)}（法定不低于 60%），按成员与本社的交易量比例返还"),
            ("保底分红", n.FloorsPaidFen, "按章程各类股份的保底标准"),
            ("二次分红", n.SecondRoundFen, "其余按股份比例分配"),
            ("合计发放", n.TotalPaidFen, $"共 {n.LineCount} 户（人）"),
        ];
        const double ItemWidth = 90, AmountWidth = 110;
        var ruleWidth = Width - 2 * Margin - ItemWidth - AmountWidth - 8;
        foreach (var (item, fen, rule) in rows)
        {
            var wrapped = Sheet.Wrap(sheet.Graphics, rule, Fonts.Body, ruleWidth);
            var height = Math.Max(1, wrapped.Count) * Fonts.BodyLeading + 4;
            sheet.Need(height);
            var y = sheet.Y;
            sheet.Graphics.DrawString(item, Fonts.Body, XBrushes.Black, new XPoint(Margin, y + Fonts.BodyLeading - 3));
            sheet.Graphics.DrawString(Labels.Money(fen), Fonts.Body, XBrushes.Black,
                new XRect(Margin + ItemWidth, y, AmountWidth - 8, Fonts.BodyLeading), XStringFormats.CenterRight);
            for (var i = 0; i < wrapped.Count; i++)
                sheet.Graphics.DrawString(wrapped[i], Fonts.Body, XBrushes.Black,
                    new XPoint(Margin + ItemWidth + AmountWidth, y + (i + 1) * Fonts.BodyLeading - 3));
            sheet.Graphics.DrawLine(XPens.LightGray, Margin, y + height - 1, Width - Margin, y + height - 1);
            sheet.Y += height;
        }
        sheet.Gap(10);
    }

    /// <summary>Every shareholder's line, three columns of name and amount a row, the column heads again on each page.</summary>
    private static void Lines(Sheet sheet, IReadOnlyList<(string Shown, long PaidFen)> lines)
    {
        sheet.Paragraph("每位股东的分红（元）", Fonts.Heading);
        var columnWidth = (Width - 2 * Margin) / LineColumns;
        var rowHeight = Fonts.BodyLeading + 2;
        sheet.Need(2 * rowHeight);
        Heads(sheet, columnWidth, rowHeight);
        for (var i = 0; i < lines.Count; i += LineColumns)
        {
            // A long name (an organisation's) wraps inside its column rather than run into the amount.
            var cells = lines.Skip(i).Take(LineColumns).Select(l => (Name: Sheet.Wrap(sheet.Graphics, l.Shown, Fonts.Body,
                columnWidth - 18 - sheet.Graphics.MeasureString(Labels.Money(l.PaidFen), Fonts.Body).Width), Amount: Labels.Money(l.PaidFen))).ToList();
            var height = Math.Max(1, cells.Max(c => c.Name.Count)) * rowHeight;
            if (sheet.Need(height)) Heads(sheet, columnWidth, rowHeight);
            for (var c = 0; c < cells.Count; c++)
            {
                var x = Margin + c * columnWidth;
                for (var l = 0; l < cells[c].Name.Count; l++)
                    sheet.Graphics.DrawString(cells[c].Name[l], Fonts.Body, XBrushes.Black, new XPoint(x, sheet.Y + (l + 1) * rowHeight - 5));
                sheet.Graphics.DrawString(cells[c].Amount, Fonts.Body, XBrushes.Black,
                    new XRect(x, sheet.Y, columnWidth - 10, rowHeight), XStringFormats.CenterRight);
            }
            sheet.Graphics.DrawLine(XPens.LightGray, Margin, sheet.Y + height, Width - Margin, sheet.Y + height);
            sheet.Y += height;
        }
    }

    private static void Heads(Sheet sheet, double columnWidth, double rowHeight)
    {
        for (var c = 0; c < LineColumns; c++)
        {
            var x = Margin + c * columnWidth;
            sheet.Graphics.DrawString("股东", Fonts.Small, XBrushes.DimGray, new XPoint(x, sheet.Y + rowHeight - 5));
            sheet.Graphics.DrawString("分红", Fonts.Small, XBrushes.DimGray, new XRect(x, sheet.Y, columnWidth - 10, rowHeight), XStringFormats.CenterRight);
        }
        sheet.Y += rowHeight;
    }

    private static void Footers(PdfDocument document, PrintedNotice printed)
    {
        var generated = printed.GeneratedAt.ToOffset(TimeSpan.FromHours(8));
        var check = printed.CheckCode is { } code ? $"公示内容校验码 {code}（与网上公示栏所示一致即为同一方案）" : "公示内容校验码：明细尚在生成，请稍后重新打印";
        for (var i = 0; i < document.PageCount; i++)
        {
            using var g = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var top = Height - Margin - FooterHeight + 14;
            g.DrawLine(XPens.Gray, Margin, top - 6, Width - Margin, top - 6);
            g.DrawString(check, Fonts.Small, XBrushes.Black, new XPoint(Margin, top + 4));
            g.DrawString($"生成时间 {generated:yyyy-MM-dd HH:mm}（北京时间） · 网上公示栏 {printed.BoardUrl}", Fonts.Small, XBrushes.Black,
                new XPoint(Margin, top + 17));
            g.DrawString($"第 {i + 1} 页，共 {document.PageCount} 页", Fonts.Small, XBrushes.Black,
                new XRect(Margin, top + 8, Width - 2 * Margin, 12), XStringFormats.CenterRight);
        }
    }

    private static XImage Qr(string url)
    {
        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCoder.QRCodeGenerator.ECCLevel.M);
        // A bitmap (PDFsharp reads BMP and JPEG, not QRCoder's indexed PNG): 4 pixels a module, a quiet zone included.
        var bitmap = new QRCoder.BitmapByteQRCode(data).GetGraphic(4);
        return XImage.FromStream(new MemoryStream(bitmap));
    }

    private static class Fonts
    {
        public static readonly XFont Title = new(PrintFont.Family, 18);
        public static readonly XFont Heading = new(PrintFont.Family, 13);
        public static readonly XFont Body = new(PrintFont.Family, 10);
        public static readonly XFont Small = new(PrintFont.Family, 7.5);
        public const double BodyLeading = 15;
    }

    /// <summary>Where the next thing goes: the current page's graphics and height, a new page when the next thing does not fit.</summary>
    private sealed class Sheet
    {
        private readonly PdfDocument document;

        public Sheet(PdfDocument document)
        {
            this.document = document;
            Graphics = NewPage();
        }

        public XGraphics Graphics { get; private set; }

        public double Y { get; set; } = Margin;

        /// <summary>Makes room for <paramref name="height"/>, on a new page if need be; true when it started one.</summary>
        public bool Need(double height)
        {
            if (Y + height <= Height - Margin - FooterHeight) return false;
            Graphics.Dispose();
            Graphics = NewPage();
            Y = Margin;
            return true;
        }

        public void Gap(double height) => Y += height;

        public void Paragraph(string text, XFont font, double? width = null)
        {
            var leading = font.Size * 1.5;
            foreach (var line in Wrap(Graphics, text, font, width ?? Width - 2 * Margin))
            {
                Need(leading);
                Graphics.DrawString(line, font, XBrushes.Black, new XPoint(Margin, Y + font.Size * 1.1));
                Y += leading;
            }
        }

        public void Close() => Graphics.Dispose();

        /// <summary>Chinese has no spaces to break at: the text is broken before the character that would not fit.</summary>
        public static List<string> Wrap(XGraphics graphics, string text, XFont font, double width)
        {
            var lines = new List<string>();
            var start = 0;
            for (var end = 1; end <= text.Length; end++)
            {
                if (graphics.MeasureString(text[start..end], font).Width <= width || end - start == 1) continue;
                lines.Add(text[start..(end - 1)]);
                start = end - 1;
            }
            if (start < text.Length) lines.Add(text[start..]);
            return lines;
        }

        private XGraphics NewPage()
        {
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            return XGraphics.FromPdfPage(page);
        }
    }
}
