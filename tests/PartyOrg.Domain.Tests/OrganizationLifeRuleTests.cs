using PartyOrg.Domain.Organizations;

namespace PartyOrg.Domain.Tests;

public class OrganizationLifeRuleTests
{
    private static readonly OrganizationLife NewCell = new("Chi bộ khu phố 1", new(2025, 7, 1), null);
    private static readonly OrganizationLife OldCell = new("Chi bộ ấp 2", new(1976, 1, 1), new(2025, 7, 1));

    [Fact]
    public void PlacementWithinLifeRule_RefusesAStartBeforeTheFounding_NamingTheFieldAndTheDates()
    {
        var error = PlacementWithinLifeRule.Check("organizationId", "Chi bộ sinh hoạt", NewCell, new(2023, 5, 10), null);
        Assert.NotNull(error);
        Assert.Equal("organizationId", error.Field);
        Assert.Equal("Chi bộ sinh hoạt: \"Chi bộ khu phố 1\" thành lập ngày 01/07/2025, sau ngày 10/05/2023; không thể sinh hoạt ở tổ chức này trước ngày thành lập.", error.Message);
        Assert.Null(PlacementWithinLifeRule.Check("organizationId", "Chi bộ sinh hoạt", NewCell, new(2025, 7, 1), null));
    }

    [Fact]
    public void PlacementWithinLifeRule_InAnEndedOrganization_MustStartBeforeAndCloseByItsEnd()
    {
        Assert.Null(PlacementWithinLifeRule.Check("f", "Chi bộ", OldCell, new(2023, 5, 10), new(2025, 7, 1)));
        var open = PlacementWithinLifeRule.Check("f", "Chi bộ", OldCell, new(2023, 5, 10), null);
        Assert.Contains("phải chấm dứt chậm nhất ngày đó", open!.Message);
        Assert.Contains("thành lập 01/01/1976, kết thúc 01/07/2025", open.Message);
        Assert.NotNull(PlacementWithinLifeRule.Check("f", "Chi bộ", OldCell, new(2023, 5, 10), new(2025, 7, 2)));
        var after = PlacementWithinLifeRule.Check("f", "Chi bộ", OldCell, new(2025, 7, 1), new(2025, 8, 1));
        Assert.Contains("đã kết thúc hoạt động ngày 01/07/2025", after!.Message);
    }

    [Fact]
    public void OrganizationWithinParentRule_RefusesAChildFoundedBeforeItsParent()
    {
        var parent = new OrganizationLife("Đảng bộ phường Long An", new(2025, 7, 1), null);
        var error = Assert.Single(OrganizationWithinParentRule.Check(parent, new(2024, 1, 1), null));
        Assert.Equal("foundedOn", error.Field);
        Assert.Contains("01/01/2024 trước ngày thành lập của tổ chức cấp trên \"Đảng bộ phường Long An\" (01/07/2025)", error.Message);
        Assert.Empty(OrganizationWithinParentRule.Check(parent, new(2025, 7, 1), null));
    }

    [Fact]
    public void OrganizationWithinParentRule_UnderAnEndedParent_RefusesAStandingChildButKeepsHistory()
    {
        var parent = new OrganizationLife("Đảng bộ xã Mỹ Yên", new(1976, 1, 1), new(2025, 7, 1));
        var standing = Assert.Single(OrganizationWithinParentRule.Check(parent, new(2026, 1, 5), null));
        Assert.Equal("foundedOn", standing.Field);
        Assert.Contains("đã kết thúc hoạt động ngày 01/07/2025", standing.Message);
        var outlives = Assert.Single(OrganizationWithinParentRule.Check(parent, new(2000, 1, 1), null));
        Assert.Equal("endedOn", outlives.Field);
        Assert.Single(OrganizationWithinParentRule.Check(parent, new(2000, 1, 1), new(2025, 7, 2)));
        // A cell that lived and ended inside the commune's life is history, written down.
        Assert.Empty(OrganizationWithinParentRule.Check(parent, new(2000, 1, 1), new(2025, 7, 1)));
    }
}
