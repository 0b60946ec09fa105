using System.Text;

namespace AgriLink.Domain.Invoices;

/// <summary>
/// An amount in Chinese capital numerals (大写金额) as the People's Bank's rules for bills and vouchers
/// (《正确填写票据和结算凭证的基本规定》) want it: 壹仟肆佰零玖元伍角, 叁佰贰拾伍元零肆分, 壹拾万柒仟元零伍角叁分.
/// 整 follows an amount that ends at 元; 拾 always carries its digit (壹拾); a run of zeros inside the number is one 零;
/// 零 also stands after 元 when the 元 digit is 0 and 角 or 分 follow, or when 角 is 0 and 分 follows.
/// </summary>
public static class CapitalAmount
{
    /// <summary>The largest amount written: 9,999,999,999,999,999.99 yuan (below 万万亿).</summary>
    public const long MaxFen = 999_999_999_999_999_999;

    private const string Digits = "零壹贰叁肆伍陆柒捌玖";
    private const long Yi = 100_000_000;

    /// <exception cref="ArgumentOutOfRangeException">Negative, or beyond <see cref="MaxFen"/>.</exception>
    public static string Of(Money amount) => Of(amount.Fen);

    /// <inheritdoc cref="Of(Money)"/>
    public static string Of(long fen)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fen);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fen, MaxFen);
        var yuan = fen / 100;
        var jiao = (int)(fen / 10 % 10);
        var fenDigit = (int)(fen % 10);
        if (fen == 0) return "零元整";

        var text = new StringBuilder();
        if (yuan > 0) text.Append(Integer(yuan)).Append('元');
        if (jiao == 0 && fenDigit == 0) return text.Append('整').ToString();
        if (jiao == 0)
        {
            if (yuan > 0) text.Append('零');
            return text.Append(Digits[fenDigit]).Append('分').ToString();
        }

        if (yuan > 0 && yuan % 10 == 0) text.Append('零');
        text.Append(Digits[jiao]).Append('角');
        if (fenDigit > 0) text.Append(Digits[fenDigit]).Append('分');
        return text.ToString();
    }

    /// <summary>A positive whole number: groups of eight digits joined by 亿, each of two four-digit groups joined by 万.</summary>
    private static string Integer(long n)
    {
        if (n < Yi) return BelowYi(n);
        var low = n % Yi;
        var text = Integer(n / Yi) + "亿";
        if (low == 0) return text;
        return text + (low < Yi / 10 ? "零" : "") + BelowYi(low);
    }

    private static string BelowYi(long n)
    {
        var high = n / 10_000;
        var low = (int)(n % 10_000);
        if (high == 0) return Group(low);
        var text = Group((int)high) + "万";
        if (low == 0) return text;
        return text + (low < 1_000 ? "零" : "") + Group(low);
    }

    /// <summary>1..9999 with leading zeros dropped and an inner run of zeros written as one 零.</summary>
    private static string Group(int n)
    {
        ReadOnlySpan<string> units = ["仟", "佰", "拾", ""];
        var text = new StringBuilder();
        var zero = false;
        for (int i = 0, divisor = 1_000; i < 4; i++, divisor /= 10)
        {
            var digit = n / divisor % 10;
            if (digit == 0)
            {
                zero = text.Length > 0;
                continue;
            }

            if (zero) text.Append('零');
            zero = false;
            text.Append(Digits[digit]).Append(units[i]);
        }

        return text.ToString();
    }
}
