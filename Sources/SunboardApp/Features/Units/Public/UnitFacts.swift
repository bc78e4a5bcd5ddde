import SunboardCore

/// A unit's 基本概况 as labelled figures, leaving out what is not filled in.
struct UnitFacts: Sendable {
    struct Fact: Sendable {
        var label: String
        var value: String
        var unit: String
    }

    var items: [Fact]
    var isEmpty: Bool

    init(_ profile: UnitProfile, communities: Int? = nil) {
        var items: [Fact] = []
        if let area = profile.areaSquareMetres {
            items.append(Fact(label: "面积", value: UnitProfileInput.formatSquareKilometres(area), unit: "平方公里"))
        }
        if let population = profile.population {
            items.append(Fact(label: "人口", value: ChineseNumber.wan(population), unit: "人"))
        }
        if let households = profile.households {
            items.append(Fact(label: "户数", value: ChineseNumber.wan(households), unit: "户"))
        }
        if let communities {
            items.append(Fact(label: "社区居委会", value: String(communities), unit: "个"))
        }
        if let institutions = profile.institutions {
            items.append(Fact(label: "党政事企业单位", value: String(institutions), unit: "个"))
        }
        if let businesses = profile.businesses {
            items.append(Fact(label: "个体私营企业、门店", value: String(businesses), unit: "家"))
        }
        self.items = items
        self.isEmpty = items.isEmpty
    }
}

/// How to reach a unit's office, leaving out what is not filled in.
struct UnitContact: Sendable {
    var address: String?
    var phone: String?
    var officeHours: String?
    var isEmpty: Bool

    init(_ profile: UnitProfile) {
        address = profile.address.isEmpty ? nil : profile.address
        phone = profile.phone.isEmpty ? nil : profile.phone
        officeHours = profile.officeHours.isEmpty ? nil : profile.officeHours
        isEmpty = address == nil && phone == nil && officeHours == nil
    }
}
