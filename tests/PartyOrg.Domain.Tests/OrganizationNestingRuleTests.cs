using PartyOrg.Domain.Organizations;

namespace PartyOrg.Domain.Tests;

public class OrganizationNestingRuleTests
{
    [Theory]
    [InlineData(OrganizationType.Provincial, OrganizationType.Commune, true)]
    [InlineData(OrganizationType.Commune, OrganizationType.BaseCell, true)]
    [InlineData(OrganizationType.BaseCommittee, OrganizationType.DependentCell, true)]
    [InlineData(OrganizationType.BaseCell, OrganizationType.PartyGroup, true)]
    [InlineData(OrganizationType.DependentCell, OrganizationType.PartyGroup, true)]
    [InlineData(OrganizationType.BaseCell, OrganizationType.DependentCell, false)]
    [InlineData(OrganizationType.BaseCell, OrganizationType.Provincial, false)]
    [InlineData(OrganizationType.Commune, OrganizationType.Provincial, false)]
    [InlineData(OrganizationType.PartyGroup, OrganizationType.PartyGroup, false)]
    [InlineData(OrganizationType.PartyGroup, OrganizationType.BaseCommittee, false)]
    public void OrganizationNestingRule_PlacesProvincesOnTop_CellsAboveOnlyPartyGroups(OrganizationType parent, OrganizationType child, bool allowed) =>
        Assert.Equal(allowed, OrganizationNestingRule.Check(parent, child) is null);
}
