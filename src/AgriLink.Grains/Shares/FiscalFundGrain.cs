using AgriLink.Domain.Shares;
using AgriLink.Grains.Common;
using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;

namespace AgriLink.Grains.Shares;

public sealed class FiscalFundGrain(
    [PersistentState("fiscal-fund", GrainStorage.Main)] IPersistentState<FiscalFundState> state,
    TimeProvider clock) : Grain, IFiscalFundGrain
{
    /// <summary>The audited resource type; its id is the <see cref="CooperativeFund"/> key.</summary>
    public const string AuditResource = "fiscal-fund";

    private CooperativeFund Key => CooperativeFund.Parse(this.GetPrimaryKeyString());

    public Task<RegisteredFund?> Get() => Task.FromResult(state.State.Fund);

    public async Task<RegisteredFund> Register(FiscalFund fund, string actor)
    {
        ArgumentNullException.ThrowIfNull(fund);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        fund = fund with { Source = fund.Source?.Trim() ?? "", DocumentNo = fund.DocumentNo?.Trim() ?? "", Purpose = fund.Purpose?.Trim() is { Length: > 0 } p ? p : null };
        new Domain.Errors.Validator().Text("fundId", Key.FundId, 40).ThrowIfInvalid();
        fund.Validate();
        var before = state.State.Fund;
        var after = new RegisteredFund(Key.CooperativeId, Key.FundId, fund, actor, clock.Now());
        await state.CommitAsync(state.State with { Fund = after }, AuditEntries.Changes(AuditResource, Key.ToString(), before?.Fund, after.Fund));
        return after;
    }
}

[GenerateSerializer, Alias("AgriLink.FiscalFundState")]
public sealed record FiscalFundState
{
    [Id(0)] public RegisteredFund? Fund { get; init; }
}

/// <summary>A registered fund as one row of <c>fiscal_funds</c>, which the public boards list by county and village.</summary>
internal sealed class FiscalFundProjector : StateProjector<FiscalFundState>
{
    public override string StateName => "fiscal-fund";

    public override IReadOnlyList<ProjectionTable> Tables => [ProjectionTables.FiscalFunds];

    protected override IEnumerable<ProjectionWrite> Project(string grainKey, FiscalFundState state) =>
        state.Fund is { Fund: var f } r
            ? [ProjectionTables.FiscalFunds.Upsert(grainKey, r.CooperativeId, r.FundId, f.Source, f.DocumentNo, f.AmountFen, (long)f.Year, f.Purpose)]
            : [];
}
