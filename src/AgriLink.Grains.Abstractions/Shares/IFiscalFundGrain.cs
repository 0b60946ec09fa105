using AgriLink.Domain.Shares;
using Orleans.Concurrency;

namespace AgriLink.Grains.Shares;

/// <summary>
/// A fiscal fund quantified into one cooperative's shares (资金变股金), key <see cref="CooperativeFund"/>: registered and
/// corrected by the cooperative's admins, disclosed on the public boards from its row in <c>fiscal_funds</c>.
/// </summary>
[Alias("AgriLink.IFiscalFundGrain")]
public interface IFiscalFundGrain : IGrainWithStringKey
{
    [Alias("Get"), AlwaysInterleave] Task<RegisteredFund?> Get();

    /// <summary>Registers the fund, or corrects it (validated first; a refused one changes nothing).</summary>
    [Alias("Register")] Task<RegisteredFund> Register(FiscalFund fund, string actor);
}

/// <summary>The fund as registered, with who registered or corrected it last and when.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.RegisteredFund")]
public sealed record RegisteredFund(
    [property: Id(0)] string CooperativeId,
    [property: Id(1)] string FundId,
    [property: Id(2)] FiscalFund Fund,
    [property: Id(3)] string RegisteredBy,
    [property: Id(4)] DateTimeOffset RegisteredAt);

/// <summary>The key of a cooperative's fund: <c>coop-pzcili:fund-pz-2017</c> (a cooperative id has no colon; a fund id may).</summary>
public readonly record struct CooperativeFund(string CooperativeId, string FundId)
{
    public override string ToString() => $"{CooperativeId}:{FundId}";

    public static CooperativeFund Parse(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == key.Length - 1) throw new FormatException($"'{key}' is not a cooperative-fund key (coop-id:fund-id).");
        return new CooperativeFund(key[..colon], key[(colon + 1)..]);
    }
}
