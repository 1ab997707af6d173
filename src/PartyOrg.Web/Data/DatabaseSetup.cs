using Microsoft.EntityFrameworkCore;

namespace PartyOrg.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses the store from configuration: Database:Provider and ConnectionStrings:PartyOrg.</summary>
public static class DatabaseSetup
{
    public static DatabaseProvider ProviderFrom(IConfiguration config) =>
        config["Database:Provider"] switch
        {
            null or "" => DatabaseProvider.Sqlite,
            var p when p.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) => DatabaseProvider.Sqlite,
            var p when p.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || p.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase) => DatabaseProvider.Postgres,
            var p => throw new InvalidOperationException($"Database:Provider \"{p}\" không hợp lệ: chọn Sqlite hoặc Postgres."),
        };

    public static string ConnectionStringFrom(IConfiguration config, DatabaseProvider provider, string contentRoot)
    {
        var configured = config.GetConnectionString("PartyOrg");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        if (provider == DatabaseProvider.Postgres)
            throw new InvalidOperationException("Thiếu ConnectionStrings:PartyOrg cho PostgreSQL.");
        var folder = Path.Combine(contentRoot, "App_Data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "partyorg.db")}";
    }

    public static IServiceCollection AddPartyOrgDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.AddScoped<AuditActor>();
        return provider switch
        {
            DatabaseProvider.Sqlite => services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => UseSqlite(o, connectionString)),
            DatabaseProvider.Postgres => services.AddDbContext<AppDbContext, PostgresAppDbContext>(o => UsePostgres(o, connectionString)),
        };
    }

    // A list of ids in a query goes as one array parameter (json_each on SQLite, = ANY on PostgreSQL): EF's default of one
    // parameter per id makes a new SQL text, compiled and cached anew, for every length, which costs seconds for a subtree's
    // members, and passes SQLite's limit of variables for a province's.
    public static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, s => s.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));

    public static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, s => s.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));

    /// <summary>Applies the provider's migrations without a time limit per command; SQLite also switches to write-ahead logging for concurrent readers.</summary>
    public static async Task MigrateAsync(AppDbContext db)
    {
        // A migration that fills a column or builds an index over millions of rows takes minutes, not the default 30 s.
        db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
        await db.Database.MigrateAsync();
        db.Database.SetCommandTimeout(null);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}
