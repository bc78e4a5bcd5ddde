import SunboardCore

/// Foundation also declares a `Unit` (units of measure). Declaring the name
/// in this module makes every file here mean the organization unit.
public typealias Unit = SunboardCore.Unit
