using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace PartyOrg.Web.Tests;

/// <summary>Many cells share a name ("Chi bộ ấp 1"): wherever one is shown, its committee is shown with it.</summary>
public class CellNameTests(WebAppFixture app)
{
    [Fact]
    public async Task Transfers_NameBothCellsWithTheirCommittees()
    {
        var id = await app.WithDbAsync((db, _) => db.MemberTransfers.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        var transfer = await (await app.ApiAsAsync("admin")).GetFromJsonAsync<JsonElement>($"/api/v1/transfers/{id}");
        var (from, to) = await app.WithDbAsync(async (db, _) =>
        {
            var t = await db.MemberTransfers.SingleAsync(x => x.Id == id);
            async Task<string> Expected(int orgId)
            {
                var o = await db.Organizations.SingleAsync(x => x.Id == orgId);
                var parent = await db.Organizations.Where(p => p.Id == o.ParentId).Select(p => p.Name).SingleAsync();
                return $"{o.Name} — {parent}";
            }
            return (await Expected(t.FromOrganizationId), await Expected(t.ToOrganizationId));
        });
        Assert.Equal(from, transfer.GetProperty("fromOrganizationName").GetString());
        Assert.Equal(to, transfer.GetProperty("toOrganizationName").GetString());
    }
}
