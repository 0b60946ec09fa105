using AgriLink.Web.Extensions;
using AgriLink.Web.Migration;
using AgriLink.Web.Projections;
using AgriLink.Web.Search;
using AgriLink.Web.Seeding;

if (ReindexCommand.Requested(args)) { Environment.ExitCode = await ReindexCommand.RunAsync(args); return; }
if (RebuildProjectionsCommand.Requested(args)) { Environment.ExitCode = await RebuildProjectionsCommand.RunAsync(args); return; }
if (AgriLink.Web.Accounts.AccountsCommand.Requested(args)) { Environment.ExitCode = await AgriLink.Web.Accounts.AccountsCommand.RunAsync(args, Console.Out); return; }
if (PostgresMigrationCommand.Requested(args)) { Environment.ExitCode = await PostgresMigrationCommand.RunAsync(args); return; }

var builder = WebApplication.CreateBuilder(args);
if (AgriLink.Hosting.DataFolderCheck.Problem(builder.Configuration) is { } dataProblem)
{
    // A data folder this process cannot write, or a database another holds: one clear line, not an exception trace.
    Console.Error.WriteLine(dataProblem);
    Environment.ExitCode = AgriLink.Hosting.DataFolderCheck.ExitCode;
    return;
}

if (KeyEncryption.Problem(builder.Configuration) is { } keyProblem)
{
    // Cluster mode without the certificate that encrypts the sign-in keys: one clear line, not an exception trace.
    Console.Error.WriteLine(keyProblem);
    Environment.ExitCode = KeyEncryption.ExitCode;
    return;
}

builder.AddServiceDefaults();
builder.AddAgriLinkProxy();
builder.AddAgriLinkData();
builder.AddAgriLinkOrleans();
builder.AddAgriLinkAuth();
builder.AddAgriLinkAccounts();
builder.AddAgriLinkApi();
builder.AddAgriLinkLive();
builder.AddAgriLinkSearch();
builder.AddAgriLinkPhotos();
builder.AddAgriLinkPages();
builder.AddAgriLinkPayments();
builder.AddDemoSeeding();

var app = builder.Build();

app.UseAgriLinkPipeline();
app.MapDefaultEndpoints();
app.MapAgriLinkPages();
app.MapAgriLinkApi();
app.MapAgriLinkLive();
app.PrintWelcomeOnStart();

app.Run();

public partial class Program;
