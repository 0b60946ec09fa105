namespace AgriLink.Grains.Projections;

/// <summary>A distribution plan on the notice board: the totals per rule, the notice period, where it stands.</summary>
public sealed record BoardNotice(
    string DeclarationId, int FiscalYear, string Status, DateOnly? NoticeStart, DateOnly? NoticeEnd, long SurplusFen, long LossesMadeGoodFen,
    int ReserveRateBp, long ReserveFen, int WelfareRateBp, long WelfareFen, long DistributableFen, int TradeReturnRateBp, long TradePoolFen,
    long FloorsPaidFen, long SecondRoundFen, long TotalPaidFen, int LineCount, int OpenObjections, string? AssemblyResolution, DateOnly? PaidOn)
{
    /// <summary>The plan's figures in the board's order, for its check code (not its status, objections or dates, which move on).</summary>
    public IEnumerable<long> Figures =>
        [SurplusFen, LossesMadeGoodFen, ReserveRateBp, ReserveFen, WelfareRateBp, WelfareFen, DistributableFen, TradeReturnRateBp, TradePoolFen,
            FloorsPaidFen, SecondRoundFen, TotalPaidFen, LineCount];
}

/// <summary>A shareholder's line as the board may show it: a person's name (to be masked) or an organisation's, and the amounts.</summary>
public sealed record BoardLine(string Name, bool IsPerson, long PaidFen, long OwedFen);

/// <summary>A page of a plan's lines: <see cref="Next"/> is the key of the next page (null on the last).</summary>
public sealed record BoardLines(IReadOnlyList<BoardLine> Items, string? Next);

public sealed record BoardResolution(
    string ResolutionId, string Subject, string Title, int? FiscalYear, bool? Passed, int? Yes, int? No, int? Abstain, int TotalVotes, string? Explanation);

public sealed record BoardAssembly(
    string Id, string Title, string Mode, string Status, DateOnly CalledOn, DateOnly? ClosedOn, int? Present, int Seats, int TotalVotes,
    string? QuorumNote, IReadOnlyList<BoardResolution> Resolutions);

public sealed record BoardCooperative(string Id, string Name, string CountyCode, string Village);
