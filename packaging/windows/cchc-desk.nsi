; The Windows installer of CCHC Desk, built by scripts/build-windows.sh:
;   makensis -DVERSION=x.y.z -DSTAGE=<folder of the files> -DOUTFILE=<setup.exe> cchc-desk.nsi
; Installs for all users under Program Files (or, silently with /S, where
; /D= says), with a Start menu entry and an uninstaller; the installer
; speaks Vietnamese.
; A 64-bit installer (the program is 64-bit; Wine without its 32-bit part runs it).
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel admin

!include "MUI2.nsh"
!include "x64.nsh"

Name "CCHC Desk ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\CCHC Desk"
InstallDirRegKey HKLM "Software\CCHC Desk" "InstallDir"
BrandingText "CCHC Desk ${VERSION}"

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\CCHC Desk"

!define MUI_ABORTWARNING
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\cchc-desk.exe"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "ProductName" "CCHC Desk"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "FileDescription" "CCHC Desk - theo dõi cải cách hành chính"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "LegalCopyright" "CCHC Desk"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "CCHC Desk cần Windows 64 bit."
    Abort
  ${EndIf}
  SetRegView 64
FunctionEnd

Section "CCHC Desk" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "${STAGE}\cchc-desk.exe"
  File "${STAGE}\cchc.exe"
  SetOutPath "$INSTDIR\fonts"
  File "${STAGE}\fonts\*.ttf"
  SetOutPath "$INSTDIR\share\locale\vi\LC_MESSAGES"
  File "${STAGE}\share\locale\vi\LC_MESSAGES\cchc.mo"
  File "${STAGE}\share\locale\vi\LC_MESSAGES\wxstd.mo"
  SetOutPath "$INSTDIR\share\cchc\reports"
  File "${STAGE}\share\cchc\reports\*.*"
  SetOutPath "$INSTDIR"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  SetShellVarContext all
  CreateDirectory "$SMPROGRAMS\CCHC Desk"
  CreateShortcut "$SMPROGRAMS\CCHC Desk\CCHC Desk.lnk" "$INSTDIR\cchc-desk.exe"
  CreateShortcut "$SMPROGRAMS\CCHC Desk\Gỡ cài đặt CCHC Desk.lnk" "$INSTDIR\uninstall.exe"

  WriteRegStr HKLM "Software\CCHC Desk" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "CCHC Desk"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "CCHC Desk"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\cchc-desk.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

; The user's databases (in %LOCALAPPDATA%\cchc-desk) stay: removing the
; program never removes an office's data.
Section "Uninstall"
  SetRegView 64
  SetShellVarContext all
  Delete "$SMPROGRAMS\CCHC Desk\CCHC Desk.lnk"
  Delete "$SMPROGRAMS\CCHC Desk\Gỡ cài đặt CCHC Desk.lnk"
  RMDir "$SMPROGRAMS\CCHC Desk"
  Delete "$INSTDIR\cchc-desk.exe"
  Delete "$INSTDIR\cchc.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir /r "$INSTDIR\fonts"
  RMDir /r "$INSTDIR\share"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegKey HKLM "Software\CCHC Desk"
SectionEnd
