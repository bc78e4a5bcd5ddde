import Foundation
import SunboardApp
import SunboardCore

/// Foundation has a `Unit` too; here it is always the office or a community.
typealias Unit = SunboardCore.Unit
