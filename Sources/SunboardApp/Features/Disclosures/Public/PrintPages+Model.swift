import Foundation
import SunboardCore

/// One disclosure as printed for the physical board or a leaflet: the
/// community's header, title, dates and notice period, text, public fields,
/// who published it, and QR codes to the page online and its objection form.
struct PrintedNotice: Sendable {
    struct Field: Sendable {
        var label: String
        var value: String
    }

    struct Code: Sendable {
        var label: String
        var svg: String
        /// Printed under the code.
        var url: String
        /// What the code opens: the address with the ledger's head.
        var target: String
    }

    var title: String
    var item: String
    var published: String
    var version: Int
    var publishedBy: String
    var notice: String?
    var bodyHTML: String
    var fields: [Field]
    var hasFields: Bool
    var codes: [Code]

    /// `stamp`: the ledger's head at print time, carried in each code's address too.
    init(
        disclosure: Disclosure, version: PublishedVersion, item: CatalogItem, base: String, today: CalendarDate, stamp: LedgerStamp?,
        compact: Bool = false
    ) {
        title = version.content.title
        self.item = item.title
        published = ShanghaiTime.date(version.publishedAt)
        self.version = version.number
        publishedBy = version.publishedBy
        if let (starts, ends) = disclosure.notice {
            notice = "公示期：\(starts.chinese)至\(ends.chinese)" + (disclosure.noticeOpen(on: today) ? "。有异议请在公示期内扫码或到居委会反映。" : "")
        }
        bodyHTML = Markdown.html(version.content.body)
        // A leaflet outlives any notice period: it never carries personal details.
        fields = version.content.publicFields(
            of: version.fieldSpecs, showsPersonalDetails: !compact && disclosure.showsPersonalDetails(on: today)
        )
        .filter { $0.spec.kind != .ledgerLines }.map { Field(label: $0.spec.label, value: $0.display) }
        hasFields = !fields.isEmpty
        let page = base + SiteURL.disclosures(.page(disclosure.id)).path
        var codes = [(label: "扫码看网上原文和历次版本", url: page)]
        if disclosure.noticeOpen(on: today) {
            codes.append((label: "扫码提出异议", url: base + SiteURL.disclosures(.objection(disclosure.id)).path))
        }
        // The code carries the head too; the address printed under it stays short enough to type.
        self.codes = codes.compactMap { code in
            let target = stamp?.tag(code.url) ?? code.url
            return QRCode(target).map {
                Code(label: code.label, svg: $0.svg(pixels: compact ? 110 : 150, label: code.label), url: code.url, target: target)
            }
        }
    }
}

/// `/disclosures/{id}/print` and `/units/{slug}/leaflet`: A4 pages.
struct PrintPage: Sendable {
    var title: String
    var css: String
    var unitName: String
    var address: String
    var phone: String
    var notices: [PrintedNotice]
    var isLeaflet: Bool
    var printedOn: String
    var stamp: LedgerStamp?

    init(
        title: String, unit: Unit, notices: [PrintedNotice], isLeaflet: Bool, today: CalendarDate, stamp: LedgerStamp?,
        assets: StaticAssets
    ) {
        self.title = title
        css = assets.url("app.css")
        unitName = unit.name
        address = unit.profile.address
        phone = unit.profile.phone
        self.notices = notices
        self.isLeaflet = isLeaflet
        printedOn = today.chinese
        self.stamp = stamp
    }
}
