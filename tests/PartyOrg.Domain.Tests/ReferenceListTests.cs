using PartyOrg.Domain.Organizations;
using PartyOrg.Domain.Reference;

namespace PartyOrg.Domain.Tests;

public class ReferenceListTests
{
    [Fact]
    public void Lists_HoldTheOfficialCounts()
    {
        Assert.Equal(63, ReferenceLists.Provinces63.Count);
        Assert.Equal(54, ReferenceLists.EthnicGroups.Count);
        Assert.Equal(17, ReferenceLists.Religions.Count);
        Assert.Equal(96, ReferenceLists.Communes.Count(c => c.ProvinceCode == "80"));
    }

    [Fact]
    public void CccdProvinceCodes_AreZeroPlusTheOldProvinceCode()
    {
        Assert.True(ReferenceLists.IsCccdProvinceCode("080"));
        Assert.True(ReferenceLists.IsCccdProvinceCode("072"));
        Assert.False(ReferenceLists.IsCccdProvinceCode("003"));
    }

    [Fact]
    public void BaseOrganization_IsDerivedFromType()
    {
        Assert.True(OrganizationType.BaseCommittee.IsBase());
        Assert.True(OrganizationType.BaseCell.IsBase());
        Assert.False(OrganizationType.Commune.IsBase());
        Assert.False(OrganizationType.DependentCell.IsBase());
        Assert.True(OrganizationType.DependentCell.IsCell());
    }
}
