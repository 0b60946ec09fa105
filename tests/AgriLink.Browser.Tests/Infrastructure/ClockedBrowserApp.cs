using AgriLink.Web.Tests.Dividends;
using Xunit;

namespace AgriLink.Browser.Tests.Infrastructure;

/// <summary>
/// A second <see cref="BrowserApp"/> (its own data folder, demo and port) whose platform clock the tests move on, for
/// what waits days (a dividend's public notice). Its tests run in <see cref="ClockedBrowserAppCollection"/>, so moving
/// the date never touches the shared app's tests; they sign in again after a move, as a week outlives any sign-in.
/// </summary>
public sealed class ClockedBrowserApp : BrowserApp
{
    public ClockedBrowserApp() : this(MovableClock.StartingNow())
    {
    }

    private ClockedBrowserApp(MovableClock clock) : base(clock) => Clock = clock;

    public MovableClock Clock { get; }
}

[CollectionDefinition(Name)]
public sealed class ClockedBrowserAppCollection : ICollectionFixture<ClockedBrowserApp>
{
    public const string Name = "Browser app with a movable clock";
}
