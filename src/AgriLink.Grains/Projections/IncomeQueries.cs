using AgriLink.Storage;
using Dapper;

namespace AgriLink.Grains.Projections;

/// <summary>
/// What the platform saw a household earn in a year, from the projections (a few index ranges of one household's rows):
/// its member trade (sales through its cooperatives, by the cooperatives' fiscal year) and the paid part of its dividend
/// lines (by the declaration's fiscal year; guaranteed floors are part of them), with the date of its last recorded sale.
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
        return new PlatformIncome(trade, dividends, last is null or DBNull ? null : ColumnValues.Date(last));
    }
}

/// <summary>A household's income the platform recorded in a year, in fen, and when it last sold anything.</summary>
public sealed record PlatformIncome(long MemberTradeFen, long DividendsPaidFen, DateOnly? LastSale);
