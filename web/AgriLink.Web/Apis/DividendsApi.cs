using AgriLink.Domain.Dividends;
using AgriLink.Domain.Shares;
using AgriLink.Grains.Dividends;
using AgriLink.Grains.Shares;
using AgriLink.Web.Accounts;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgriLink.Web.Apis;

/// <summary>
/// Year-end declarations. Admins prepare, a different admin approves, the notice (公示) opens the whole
/// distribution to every member household, members object, admins resolve and pay.
/// </summary>
public static class DividendsApi
{
    public static RouteGroupBuilder MapDividendsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cooperatives/{id}/dividends").WithTags("Dividends").RequireAuthorization();
        api.MapGet("/", Years).WithName("ListDeclarations").WithSummary("Fiscal years with a declaration.");
        api.MapPost("/{year:int:range(2000,9998)}", Prepare).WithName("PrepareDeclaration")
            .WithSummary("Compute (or recompute) the draft distribution from the year's figures, the register and member trade.");
        api.MapGet("/{year:int:range(2000,9998)}", Get).WithName("GetDeclaration").WithSummary("The declaration and the distribution's totals.");
        api.MapGet("/{year:int:range(2000,9998)}/lines", Lines).WithName("GetDeclarationLines").WithSummary("Every shareholder's line with its components.");
        api.MapPost("/{year:int:range(2000,9998)}/approve", Approve).WithName("ApproveDeclaration").WithSummary("Second admin's approval (four-eyes).");
        api.MapPost("/{year:int:range(2000,9998)}/publicise", Publicise).WithName("PubliciseDeclaration").WithSummary("Open the public notice period.");
        api.MapPost("/{year:int:range(2000,9998)}/objections", Object).WithName("FileObjection").WithSummary("A member objects during the notice period.");
        api.MapPost("/{year:int:range(2000,9998)}/objections/{objectionId}/resolve", Resolve).WithName("ResolveObjection")
            .WithSummary("Dismiss or uphold an objection (upheld returns the declaration to draft).");
        api.MapGet("/{year:int:range(2000,9998)}/funds/{fundId}", TraceFund).WithName("TraceFund")
            .WithSummary("A fiscal fund's shares and every fen of dividend they earned that year, with the ledger keys.");
        api.MapPost("/{year:int:range(2000,9998)}/pay", Pay).WithName("PayDeclaration")
            .WithSummary("Pay every shareholder through the ledger; safe to repeat, pays each once.");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<int>>, ForbidHttpResult>> Years([AsParameters] ApiServices s, string id)
    {
        if (!await s.CanReadRecordsOf(id)) return TypedResults.Forbid();
        return TypedResults.Ok(await s.Grains.GetGrain<IShareRegisterGrain>(id).DeclaredYears());
    }

    public static Task<Results<Ok<DeclarationView>, ForbidHttpResult>> Prepare([AsParameters] ApiServices s, string id, int year, YearEndFigures figures) =>
        AdminChange(s, id, year, "dividend.prepare", g => g.Prepare(figures, s.User.ActorName()));

    public static async Task<Results<Ok<DeclarationView>, ForbidHttpResult>> Get([AsParameters] ApiServices s, string id, int year)
    {
        if (await ReaderRelation(s, id) is not { } relation) return TypedResults.Forbid();
        var view = await Declaration(s, id, year).Get();
        return Visible(relation, view) ? TypedResults.Ok(view) : TypedResults.Forbid();
    }

    public static async Task<Results<Ok<Page<DividendLine>>, ForbidHttpResult>> Lines(
        [AsParameters] ApiServices s, string id, int year, int? offset, int? limit)
    {
        if (await ReaderRelation(s, id) is not { } relation) return TypedResults.Forbid();
        var grain = Declaration(s, id, year);
        var view = await grain.Get();
        if (!Visible(relation, view)) return TypedResults.Forbid();
        var (o, l) = (offset ?? 0, Paging.Limit(limit));
        new Domain.Errors.Validator().Range("offset", o, 0, int.MaxValue).ThrowIfInvalid();
        return TypedResults.Ok(new Page<DividendLine>(await grain.Lines(o, l), view.LineCount, o, l));
    }

    /// <summary>Approving moves money toward the members: the approver has signed in with a second factor (<see cref="TwoFactorRequirement"/>).</summary>
    public static Task<Results<Ok<DeclarationView>, ForbidHttpResult>> Approve(
        [AsParameters] ApiServices s, string id, int year, TwoFactorRequirement twoFactor)
    {
        if (s.User.AdministersCooperative(id)) twoFactor.Demand(s.User);
        return AdminChange(s, id, year, "dividend.approve", g => g.Approve(s.User.ActorName()));
    }

    public static Task<Results<Ok<DeclarationView>, ForbidHttpResult>> Publicise(
        [AsParameters] ApiServices s, string id, int year, PubliciseRequest request) =>
        AdminChange(s, id, year, "dividend.publicise", g => g.Publicise(request.NoticeStart, request.NoticeEnd, s.User.ActorName()));

    public static async Task<Results<Ok<DeclarationView>, ForbidHttpResult>> Object(
        [AsParameters] ApiServices s, string id, int year, ObjectionRequest request)
    {
        if (await s.RelationTo(id) != CooperativeRelation.Member) return TypedResults.Forbid();
        var member = s.User.FindFirst(AgriLinkClaims.Household)!.Value;
        using var audit = s.Audit.Declare(s.User, "dividend.object", "declaration", new CooperativeYear(id, year).ToString());
        return TypedResults.Ok(await Declaration(s, id, year).FileObjection(member, request.Text ?? ""));
    }

    public static Task<Results<Ok<DeclarationView>, ForbidHttpResult>> Resolve(
        [AsParameters] ApiServices s, string id, int year, string objectionId, ResolveObjectionRequest request) =>
        AdminChange(s, id, year, "dividend.resolve-objection",
            g => g.ResolveObjection(objectionId, request.Outcome, s.User.ActorName(), request.Resolution ?? ""));

    public static async Task<Results<Ok<PaymentReport>, ForbidHttpResult>> Pay(
        [AsParameters] ApiServices s, string id, int year, TwoFactorRequirement twoFactor)
    {
        if (!s.User.AdministersCooperative(id)) return TypedResults.Forbid();
        twoFactor.Demand(s.User);
        using var audit = s.Audit.Declare(s.User, "dividend.pay", "declaration", new CooperativeYear(id, year).ToString());
        return TypedResults.Ok(await Declaration(s, id, year).Pay(s.User.ActorName()));
    }

    public static async Task<Results<Ok<FundTrace>, ForbidHttpResult>> TraceFund(
        [AsParameters] ApiServices s, string id, int year, string fundId)
    {
        if (await ReaderRelation(s, id) is not { } relation) return TypedResults.Forbid();
        var grain = Declaration(s, id, year);
        var view = await grain.Get();
        if (!Visible(relation, view)) return TypedResults.Forbid();
        // The shares as they stood at that year's end, which is what the distribution paid on.
        var charter = await s.Grains.GetGrain<IShareRegisterGrain>(id).GetCharter();
        var yearEnd = FiscalCalendar.YearEnd(year, charter?.FiscalYearEndMonth ?? 12);
        var holdings = (await s.Grains.GetGrain<IShareRegisterGrain>(id).View(yearEnd)).Holdings.Where(h => h.FundId == fundId).ToList();
        var formed = holdings.Select(h => h.HoldingId).ToHashSet(StringComparer.Ordinal);
        var key = new CooperativeYear(id, year);
        var lines = new List<FundTraceLine>();
        foreach (var shareholder in holdings.Select(h => h.ShareholderId).Distinct(StringComparer.Ordinal))
        {
            if (await grain.LineFor(shareholder) is not { } line) continue;
            lines.AddRange(line.Components.Where(c => c.HoldingId is not null && formed.Contains(c.HoldingId))
                .Select(c => new FundTraceLine(shareholder, c.HoldingId!, c.Kind, c.AmountFen, DividendPayments.KeyPrefix(key) + shareholder)));
        }
        return TypedResults.Ok(new FundTrace(fundId, year, holdings, lines, lines.Sum(l => l.AmountFen), view.Declaration.Status));
    }

    private static IDividendDeclarationGrain Declaration(ApiServices s, string id, int year) =>
        s.Grains.GetGrain<IDividendDeclarationGrain>(new CooperativeYear(id, year).ToString());

    /// <summary>
    /// How the caller stands to the cooperative, asked once and before any declaration is loaded (so an
    /// outsider cannot probe which years exist); null when the caller may not read its declarations at all.
    /// </summary>
    private static async Task<CooperativeRelation?> ReaderRelation(ApiServices s, string id)
    {
        var relation = s.User.IsPlatformAdmin() ? CooperativeRelation.Admin : await s.RelationTo(id);
        return relation == CooperativeRelation.None ? null : relation;
    }

    /// <summary>Admins always; member households once the notice has opened (公示 means everyone sees everything).</summary>
    private static bool Visible(CooperativeRelation relation, DeclarationView view) =>
        relation == CooperativeRelation.Admin || view.Declaration.Status is DeclarationStatus.Publicised or DeclarationStatus.Paid;

    private static async Task<Results<Ok<DeclarationView>, ForbidHttpResult>> AdminChange(
        ApiServices s, string id, int year, string action, Func<IDividendDeclarationGrain, Task<DeclarationView>> command)
    {
        if (!s.User.AdministersCooperative(id)) return TypedResults.Forbid();
        using var audit = s.Audit.Declare(s.User, action, "declaration", new CooperativeYear(id, year).ToString());
        return TypedResults.Ok(await command(Declaration(s, id, year)));
    }
}
