import Foundation
import SunboardCore

/// A published disclosure as one line of a list: title, date and what a
/// reader should notice (under notice, corrected, withdrawn).
struct ListingLink: Sendable {
    var title: String
    var url: String
    var date: String
    var dateISO: String
    var itemTitle: String
    var period: String?
    var noticeOpen: Bool
    var noticeEnds: String?
    var corrected: Bool
    var withdrawn: Bool

    init(_ listing: PublicListing, item: CatalogItem?, today: CalendarDate) {
        self.title = listing.title
        self.url = SiteURL.disclosures(.page(listing.id)).path
        self.date = ShanghaiTime.date(listing.lastPublishedAt)
        self.dateISO = ShanghaiTime.iso8601(listing.lastPublishedAt)
        self.itemTitle = item?.title ?? ""
        self.period = listing.period?.chinese
        let open = NoticePeriod.isOpen(starts: listing.noticeStarts, ends: listing.noticeEnds, withdrawn: listing.withdrawn, on: today)
        self.noticeOpen = open
        self.noticeEnds = open ? listing.noticeEnds?.chinese : nil
        self.corrected = listing.version > 1
        self.withdrawn = listing.withdrawn
    }
}
