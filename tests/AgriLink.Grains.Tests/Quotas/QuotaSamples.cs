using AgriLink.Domain.Buyers;
using AgriLink.Grains.Buyers;
using AgriLink.Grains.Quotas;

namespace AgriLink.Grains.Tests.Quotas;

/// <summary>A fresh Guangzhou budget unit (Guangdong: 30% floor) with its union and one employee.</summary>
internal sealed record QuotaSamples(string Unit, string Union, string Employee)
{
    public static async Task<QuotaSamples> RegisterAsync(IClusterClient client, string regionCode = "440103")
    {
        var unit = Samples.BuyerId();
        var union = Samples.BuyerId();
        var employee = Samples.BuyerId();
        await client.GetGrain<IBuyerGrain>(unit).Register(Samples.Buyer() with { RegionCode = regionCode });
        await client.GetGrain<IBuyerGrain>(union).Register(Samples.Buyer("广州市荔湾区总工会", unit) with
        {
            Type = BuyerType.Union, CreditCode = Samples.CreditCode("81", "440103", "MC0U1029K"),
        });
        await client.GetGrain<IBuyerGrain>(employee).Register(new BuyerProfile("陈晓燕", BuyerType.Individual, "440103", "陈晓燕", "13802233445",
            ParentBuyerId: unit));
        return new(unit, union, employee);
    }

    public IBuyerQuotaGrain Quota(IClusterClient client, int year = 2026) =>
        client.GetGrain<IBuyerQuotaGrain>(new BuyerYear(Unit, year).ToString());

    public QuotaPurchase Own(string reference, long certified, long total) =>
        new(reference, Unit, QuotaChannel.Own, certified, total, new(2026, 6, 1));

    public QuotaPurchase ByUnion(string reference, long certified, long total) =>
        new(reference, Union, QuotaChannel.Union, certified, total, new(2026, 6, 2));

    public QuotaPurchase ByEmployee(string reference, long certified, long total) =>
        new(reference, Employee, QuotaChannel.Employee, certified, total, new(2026, 6, 3));
}
