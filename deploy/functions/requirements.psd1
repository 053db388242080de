# Managed dependencies (this file) only install modules from the PowerShell Gallery at cold start and are
# being retired; host.json turns them off. FastTrack.PowerShell is deployed with the app instead, in its Modules
# folder (Save-PSResource FastTrack.PowerShell -Path ./Modules), which the Functions host puts on $env:PSModulePath.
@{
}
