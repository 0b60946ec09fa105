using AgriLink.Domain.Errors;
using Xunit;

namespace AgriLink.Grains.Tests;

internal static class GrainAssert
{
    /// <summary>The call failed validation on exactly these fields (the exception came through Orleans intact).</summary>
    public static async Task<ValidationFailedException> InvalidAsync(Func<Task> call, params string[] fields)
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(call);
        Assert.Equal("validation", error.Code);
        Assert.Equal(fields.Order(StringComparer.Ordinal), error.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(error.Errors.Values, messages => Assert.NotEmpty(messages));
        return error;
    }

    public static async Task<RuleViolationException> RefusedAsync(Func<Task> call, string code)
    {
        var error = await Assert.ThrowsAsync<RuleViolationException>(call);
        Assert.Equal(code, error.Code);
        return error;
    }

    public static async Task<NotFoundException> NotFoundAsync(Func<Task> call, string resource, string id)
    {
        var error = await Assert.ThrowsAsync<NotFoundException>(call);
        Assert.Equal($"{resource}.not-found", error.Code);
        Assert.Equal(resource, error.Resource);
        Assert.Equal(id, error.ResourceId);
        return error;
    }
}
