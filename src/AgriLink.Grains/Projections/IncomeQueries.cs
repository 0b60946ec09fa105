using AgriLink.Domain.Monitoring;
using AgriLink.Storage;
using Dapper;

namespace AgriLink.Grains.Projections;

/// <summary>
/// What the platform saw a household earn in a year, from the projections (a few index ranges of one household's rows):
/// its member trade (sales through its cooperatives, by the cooperatives' fiscal year) and the paid part of its dividend
/// lines (by the declaration's fiscal year; guaranteed floors are part of them), with the date of its last recorded sale;
/// and what the household or its cadre declared for that year (<c>household_declarations</c>).
/// </summary>
public sealed class IncomeQueries(AgriLinkDatabase database)
{
    public async Task<PlatformIncome> OfHousehold(string householdId, int year)
    {
        await using var connection = await database.OpenAsync();
        var trade = await connection.ExecuteScalarAsync<long?>(
            "SELECT SUM(amount_fen) FROM member_trade WHERE member_id = @householdId AND fiscal_year = @year", new { householdId, year }) ?? 0;
        var dividends = await connection.ExecuteScalarAsync<long?>(
            "SELECT SUM(l.paid_fen) FROM dividend_lines l JOIN dividend_declarations d ON d.id = l.declaration_id " +
            "WHERE l.shareholder_id = @householdId AND d.fiscal_year = @year", new { householdId, year }) ?? 0;
        var last = await connection.ExecuteScalarAsync<object?>(
            "SELECT MAX(trade_date) FROM member_trade WHERE member_id = @householdId", new { householdId });
        var declared = await connection.QuerySingleOrDefaultAsync<DeclaredRow>(
            "SELECT wages_fen AS WagesFen, transfers_fen AS TransfersFen, other_production_fen AS OtherProductionFen, medical_fen AS MedicalFen, " +
            "education_fen AS EducationFen, disaster_loss_fen AS DisasterLossFen FROM household_declarations WHERE household_id = @householdId AND year = @year",
            new { householdId, year });
        return new PlatformIncome(trade, dividends, last is null or DBNull ? null : ColumnValues.Date(last), declared?.ToDeclared());
    }

    private sealed record DeclaredRow(long WagesFen, long TransfersFen, long OtherProductionFen, long MedicalFen, long EducationFen, long DisasterLossFen)
    {
        public DeclaredIncome ToDeclared() => new(WagesFen, TransfersFen, OtherProductionFen, MedicalFen, EducationFen, DisasterLossFen);
    }
}

/// <summary>
/// A household's income the platform recorded in a year, in fen, when it last sold anything, and the year's declaration
/// (null when none was made).
/// </summary>
public sealed record PlatformIncome(long MemberTradeFen, long DividendsPaidFen, DateOnly? LastSale, DeclaredIncome? Declared = null)
{
    /// <summary>The year by source (the platform's two, then the declared ones) and its rigid expenses, for a household of <paramref name="people"/>.</summary>
    public HouseholdIncome Year(int year, int people)
    {
        var figures = HouseholdIncome.Empty(year, people)
            .With(IncomeSource.MemberTrade, Domain.Money.FromFen(MemberTradeFen))
            .With(IncomeSource.Dividends, Domain.Money.FromFen(DividendsPaidFen));
        return Declared?.AddTo(figures) ?? figures;
    }
}
