#!/bin/sh
# Makes the Word and PDF fixtures of test/fixtures/made/ from the seed reports (run by hand; CI only
# reads the committed files). Needs LibreOffice and CJK fonts
# (apt-get install -y libreoffice-writer-nogui fonts-noto-cjk fonts-wqy-microhei) and Chromium.
#   seed-NNN.html        the seed laid out as the national tables (make-fixtures-html.ts)
#   seed-NNN.docx        LibreOffice's Word file of that page (tables with gridSpan / vMerge)
#   seed-NNN.lo.pdf      LibreOffice's PDF of that page
#   seed-NNN.chrome.pdf  Chromium's --print-to-pdf of that page
#   real-008/010.html, .docx  two real reports with real defects (table 四 totals; prose 17 vs 95)
#   seed-002.numbered.docx  headings as Word automatic numbering (make-fixtures-numbered.mjs)
set -eu
cd "$(dirname "$0")/.."
out=test/fixtures/made
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
node --import tsx scripts/make-fixtures-html.ts
for html in "$out"/*.html; do
  base=$(basename "$html" .html)
  soffice -env:UserInstallation="file://$tmp/profile" --headless --infilter="HTML (StarWriter)" \
    --convert-to 'docx:MS Word 2007 XML' --outdir "$tmp" "$html" >/dev/null 2>&1
  soffice -env:UserInstallation="file://$tmp/profile" --headless --infilter="HTML (StarWriter)" \
    --convert-to pdf:writer_pdf_Export --outdir "$tmp" "$html" >/dev/null 2>&1
  cp "$tmp/$base.docx" "$out/$base.docx"
  # The real reports have their published PDFs (the corpus's pdf/); only the seeds get made ones.
  case "$base" in real-*) continue ;; esac
  cp "$tmp/$base.pdf" "$out/$base.lo.pdf"
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$out/$base.chrome.pdf" "file://$(pwd)/$html" >/dev/null 2>&1
done
node scripts/make-fixtures-numbered.mjs "$out/seed-002.docx" "$out/seed-002.numbered.docx"
ls -l "$out"
du -sh "$out"
