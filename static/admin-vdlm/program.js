// The program on a meetup's admin page: a slot's "Talk in this slot" fields open when the slot is a talk
// (its kind is a talk or hot topics, or it has a talk's title), and stay folded away for the other slots.
"use strict";
{
  const TALK_KINDS = ["talk", "hot_topics"];

  function showTalkFields(row) {
    const kind = row.querySelector("select[name$='-kind']");
    const title = row.querySelector("input[name$='-talk_title']");
    const details = row.querySelector("fieldset.collapse details");
    if (!kind || !details) {
      return;
    }
    const update = () => {
      if (TALK_KINDS.includes(kind.value) || (title && title.value.trim())) {
        details.open = true;
      }
    };
    kind.addEventListener("change", update);
    update();
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("#agenda-group .inline-related:not(.empty-form)").forEach(showTalkFields);
  });
  document.addEventListener("formset:added", (event) => {
    if (event.detail && event.detail.formsetName === "agenda") {
      showTalkFields(event.target);
    }
  });
}
