"""Official documents from the records (Nghị định 30/2020/NĐ-CP): Tờ trình, Biên bản họp, Quyết định with its list,
Giấy khen; .docx from Word templates (docxtpl), PDF through LibreOffice."""
