using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AgriLink.Web.Auth;

/// <summary>ASP.NET Core Identity's tables, in the same database as the grain state.</summary>
public sealed class IdentityStore(DbContextOptions<IdentityStore> options) : IdentityDbContext<AgriLinkUser>(options);
