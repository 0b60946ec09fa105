namespace AgriLink.Domain.Tests.Invoices;

/// <summary>A reader of capital amounts, written independently of the writer, so a round trip checks the writer.</summary>
internal static class CapitalReader
{
    private const string Digits = "零壹贰叁肆伍陆柒捌玖";

    public static long Read(string text)
    {
        if (text == "零元整") return 0;
        var body = text.TrimEnd('整');
        long yuan = 0;
        var cut = body.IndexOf('元');
        if (cut >= 0)
        {
            yuan = Whole(body[..cut]);
            body = body[(cut + 1)..];
        }

        long fen = 0;
        var digit = 0;
        foreach (var c in body)
        {
            var d = Digits.IndexOf(c);
            if (d >= 0) digit = d;
            else if (c == '角') fen += digit * 10L;
            else if (c == '分') fen += digit;
            else throw new FormatException($"Unexpected '{c}' in '{text}'.");
        }

        return yuan * 100 + fen;
    }

    private static long Whole(string text)
    {
        var yi = text.LastIndexOf('亿');
        if (yi >= 0) return Whole(text[..yi]) * 100_000_000 + Whole(text[(yi + 1)..]);
        var wan = text.IndexOf('万');
        if (wan >= 0) return Group(text[..wan]) * 10_000 + Group(text[(wan + 1)..]);
        return Group(text);
    }

    private static long Group(string text)
    {
        long total = 0;
        var digit = 0;
        foreach (var c in text)
        {
            var d = Digits.IndexOf(c);
            if (d >= 0) digit = d;
            else
            {
                total += digit * c switch { '拾' => 10, '佰' => 100, '仟' => 1000, _ => throw new FormatException($"Unexpected '{c}'.") };
                digit = 0;
            }
        }

        return total + digit;
    }
}
