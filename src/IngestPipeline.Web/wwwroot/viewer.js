// Opens the document's manifest in Mirador with the text beside the scan: the annotations panel lists every line
// (IIIF "supplementing" annotations, which Mirador leaves out unless told), and choosing one outlines it on the page.
(() => {
  const root = document.getElementById("mirador");
  if (!root || !window.Mirador) return;
  window.Mirador.viewer({
    id: "mirador",
    windows: [{ manifestId: new URL(root.dataset.manifest, location.href).href }],
    window: { allowClose: false, allowMaximize: false, sideBarOpen: true, sideBarPanel: "annotations", defaultSideBarPanel: "annotations" },
    annotations: { htmlSanitizationRuleSet: "iiif", filteredMotivations: ["supplementing", "commenting", "tagging", "oa:commenting", "oa:tagging"] },
    workspaceControlPanel: { enabled: false },
  });
})();
