using AgriLink.Domain.Errors;
using AgriLink.Domain.Invoices;
using AgriLink.Domain.Quantities;
using Xunit;

namespace AgriLink.Domain.Tests.Invoices;

public sealed class InvoiceTests
{
    private static readonly InvoiceParty Seller = new("coop-pzcili", "盘州市普古乡舍烹刺梨种植农民专业合作社", "93520222MA6DKXQ10X");
    private static readonly InvoiceParty Buyer = new("buyer-gzcanteen", "广州市荔湾区机关事务管理局机关食堂", "11440103007496301H");
    private static readonly InvoicePeriod November = new(2026, 11);
    private static readonly DateOnly IssuedOn = new(2026, 12, 2);

    private static InvoiceLine Line(string order, int day, long priceFen, decimal quantity, long amountFen) =>
        new(order, new DateOnly(2026, 11, day), "盘州鲜刺梨", Unit.Jin, quantity, priceFen, amountFen);

    [Theory]
    [InlineData("coop-pzcili-2026-000001", "coop-pzcili", 2026, 1)]
    [InlineData("coop-7k2m9x4q1z-2027-123456", "coop-7k2m9x4q1z", 2027, 123456)]
    public void NumbersRoundTripThroughText(string text, string cooperativeId, int year, int sequence)
    {
        Assert.True(InvoiceNumber.TryParse(text, out var number));
        Assert.Equal(new InvoiceNumber(cooperativeId, year, sequence), number);
        Assert.Equal(text, number.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("coop-pzcili-2026-1")]
    [InlineData("coop-pzcili-26-000001")]
    [InlineData("coop-pzcili-2026-000000")]
    [InlineData("buyer-gz-2026-000001")]
    [InlineData("coop-PZ-2026-000001")]
    [InlineData("coop-pzcili-2026-00000x")]
    public void MalformedNumbersAreRejected(string? text)
    {
        Assert.False(InvoiceNumber.TryParse(text, out _));
    }

    [Fact]
    public void NumbersFollowEachOtherAndStopAtTheYearsLimit()
    {
        Assert.Equal("coop-pzcili-2026-000001", InvoiceNumber.Next("coop-pzcili", 2026, 0).ToString());
        Assert.Equal("coop-pzcili-2026-000043", InvoiceNumber.Next("coop-pzcili", 2026, 42).ToString());
        var error = Assert.Throws<RuleViolationException>(() => InvoiceNumber.Next("coop-pzcili", 2026, InvoiceNumber.MaxSequence));
        Assert.Equal("invoice.numbers-exhausted", error.Code);
    }

    [Theory]
    [InlineData("2026-11", 2026, 11)]
    [InlineData(" 2026-01 ", 2026, 1)]
    public void PeriodsParseAsMonths(string text, int year, int month)
    {
        Assert.True(InvoicePeriod.TryParse(text, out var period));
        Assert.Equal(new InvoicePeriod(year, month), period);
        Assert.Equal(new DateOnly(year, month, 1), period.FirstDay);
        Assert.Equal(text.Trim(), period.ToString());
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-1")]
    [InlineData("11-2026")]
    [InlineData("2026-11-01")]
    [InlineData("")]
    public void BadPeriodsAreRejected(string text)
    {
        Assert.False(InvoicePeriod.TryParse(text, out _));
    }

    [Fact]
    public void AnInvoiceTotalsItsLinesExactlyAndWritesTheTotalInCapitals()
    {
        var invoice = Invoice.Compose(new InvoiceNumber("coop-pzcili", 2026, 7), Seller, Buyer, November, IssuedOn,
            [Line("ord-b", 20, 650, 100, 65_000), Line("ord-a", 3, 999, 2.5m, 2_498), Line("ord-b", 20, 1_200, 3, 3_600)], "coop.panzhou");

        Assert.Equal("coop-pzcili-2026-000007", invoice.Number);
        Assert.Equal(71_098, invoice.TotalFen);
        Assert.Equal("柒佰壹拾元零玖角捌分", invoice.TotalInWords);
        Assert.Equal(["ord-a", "ord-b"], invoice.OrderIds);
        Assert.Equal(new DateOnly(2026, 11, 3), invoice.Lines[0].DeliveredOn);
        Assert.Equal(InvoiceStatus.Issued, invoice.Status);
        Assert.Equal(November.LastDay, new DateOnly(2026, 11, 30));
    }

    [Fact]
    public void AnInvoiceWithoutLinesIsUnprocessable()
    {
        var error = Assert.Throws<RuleViolationException>(() =>
            Invoice.Compose(new InvoiceNumber("coop-pzcili", 2026, 1), Seller, Buyer, November, IssuedOn, [], "coop.panzhou"));

        Assert.Equal(Invoice.NothingToInvoice, error.Code);
        Assert.True(error.Unprocessable);
    }

    [Fact]
    public void AMonthThatHasNotBegunCannotBeInvoiced()
    {
        var error = Assert.Throws<RuleViolationException>(() => Invoice.EnsureIssuable(new InvoicePeriod(2027, 1), IssuedOn));
        Assert.Equal("invoice.future-period", error.Code);
        Invoice.EnsureIssuable(new InvoicePeriod(2026, 12), IssuedOn);
    }

    [Fact]
    public void PaymentMustMatchTheTotalAndIsRecordedOnce()
    {
        var invoice = Invoice.Compose(new InvoiceNumber("coop-pzcili", 2026, 1), Seller, Buyer, November, IssuedOn,
            [Line("ord-a", 3, 650, 10, 6_500)], "coop.panzhou");
        var at = new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.FromHours(8));
        var today = new DateOnly(2026, 12, 10);

        var short_ = Assert.Throws<RuleViolationException>(() => invoice.Pay(new("BOC-1", 6_499, today, "coop.panzhou", at), today));
        Assert.Equal("invoice.amount-mismatch", short_.Code);
        Assert.Throws<ValidationFailedException>(() => invoice.Pay(new("BOC-1", 6_500, today.AddDays(1), "coop.panzhou", at), today));
        Assert.Throws<ValidationFailedException>(() => invoice.Pay(new("BOC-1", 6_500, IssuedOn.AddDays(-1), "coop.panzhou", at), today));

        var paid = invoice.Pay(new("BOC-1", 6_500, today, "coop.panzhou", at), today);
        Assert.Equal(InvoiceStatus.Paid, paid.Status);
        Assert.Same(paid, paid.Pay(new("BOC-1", 6_500, today, "coop.panzhou.finance", at.AddHours(1)), today));
        var twice = Assert.Throws<RuleViolationException>(() => paid.Pay(new("BOC-2", 6_500, today, "coop.panzhou", at), today));
        Assert.Equal("invoice.already-paid", twice.Code);
    }
}
