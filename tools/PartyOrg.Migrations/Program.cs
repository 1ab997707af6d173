using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal;
using PartyOrg.Web.Data;

// Usage: dotnet run --project tools/PartyOrg.Migrations -- add <Name>
// Writes src/PartyOrg.Web/Data/Migrations/{Sqlite,Postgres}/<timestamp>_<Name>.cs for each provider.
if (args is not ["add", var name])
{
    Console.Error.WriteLine("Cách dùng: dotnet run --project tools/PartyOrg.Migrations -- add <TênMigration>");
    return 2;
}

var webProject = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/PartyOrg.Web"));
Scaffold(new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options, AuditActor.System),
    new SqliteDesignTimeServices(), "Sqlite");
Scaffold(new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost").Options, AuditActor.System),
    new NpgsqlDesignTimeServices(), "Postgres");
return 0;

void Scaffold(AppDbContext context, IDesignTimeServices providerServices, string folder)
{
    var services = new ServiceCollection();
    services.AddEntityFrameworkDesignTimeServices();
    services.AddDbContextDesignTimeServices(context);
    providerServices.ConfigureDesignTimeServices(services);
    using var provider = services.BuildServiceProvider();
    var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(name, "PartyOrg.Web", $"Data.Migrations.{folder}", "C#");
    var files = scaffolder.Save(webProject, migration, Path.Combine(webProject, "Data", "Migrations", folder));
    Console.WriteLine($"{folder}: {files.MigrationFile}");
}
