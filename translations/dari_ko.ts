<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>DocumentOpener</name>
    <message>
        <source>&amp;Library…</source>
        <translation>서재(&amp;L)…</translation>
    </message>
    <message>
        <source>New from &amp;Clipboard</source>
        <translation>클립보드에서 새로 만들기(&amp;C)</translation>
    </message>
    <message>
        <source>Reopen with &amp;Encoding</source>
        <translation>다른 인코딩으로 다시 열기(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Detect Automatically</source>
        <translation>자동으로 감지(&amp;D)</translation>
    </message>
    <message>
        <source>UTF-16 (&amp;little-endian)</source>
        <translation>UTF-16 (리틀 엔디언)(&amp;L)</translation>
    </message>
    <message>
        <source>UTF-16 (&amp;big-endian)</source>
        <translation>UTF-16 (빅 엔디언)(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Korean (EUC-KR / CP949)</source>
        <translation>한국어 (EUC-KR / CP949)(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Western (Windows-1252)</source>
        <translation>서유럽어 (Windows-1252)(&amp;W)</translation>
    </message>
    <message>
        <source>Western (&amp;ISO-8859-1)</source>
        <translation>서유럽어 (ISO-8859-1)(&amp;I)</translation>
    </message>
    <message>
        <source>Opening progress</source>
        <translation>열기 진행 상황</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Cancel opening</source>
        <translation>열기 취소</translation>
    </message>
    <message>
        <source>Text files</source>
        <translation>텍스트 파일</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>마크다운</translation>
    </message>
    <message>
        <source>Web pages</source>
        <translation>웹 페이지</translation>
    </message>
    <message>
        <source>Word documents</source>
        <translation>워드 문서</translation>
    </message>
    <message>
        <source>EPUB books</source>
        <translation>EPUB 전자책</translation>
    </message>
    <message>
        <source>PDF documents</source>
        <translation>PDF 문서</translation>
    </message>
    <message>
        <source>Dari articles</source>
        <translation>다리 기본 제공 글</translation>
    </message>
    <message>
        <source>All supported files ({patterns})</source>
        <translation>지원되는 모든 파일 ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <source>Open a Text</source>
        <translation>글 열기</translation>
    </message>
    <message>
        <source>The clipboard holds no text to read.</source>
        <translation>클립보드에 읽을 글이 없습니다.</translation>
    </message>
    <message>
        <source>The clipboard holds too much text to read.</source>
        <translation>클립보드의 글이 너무 길어서 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>the clipboard text</source>
        <translation>클립보드의 글</translation>
    </message>
    <message>
        <source>Stopped opening {name}.</source>
        <translation>{name} 열기를 멈췄습니다.</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>{name} 여는 중…</translation>
    </message>
    <message>
        <source>“{name}” could not be opened.</source>
        <translation>“{name}”을(를) 열 수 없습니다.</translation>
    </message>
    <message>
        <source>Laying out the text…</source>
        <translation>글을 배치하는 중…</translation>
    </message>
    <message>
        <source>“{name}” is too long to show whole at this type size: the pane shows its first {percent} %. Smaller text (View › Text Size) shows more.</source>
        <translation>“{name}”은(는) 이 글자 크기로는 너무 길어 한 번에 다 보여 줄 수 없습니다. 창에는 앞부분 {percent}%만 보입니다. 글자를 작게 하면(보기 › 글자 크기) 더 많이 보입니다.</translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message>
        <source>Add a Glossary Term</source>
        <translation>용어집에 용어 추가</translation>
    </message>
    <message>
        <source>Edit “{term}”</source>
        <translation>“{term}” 편집</translation>
    </message>
    <message>
        <source>English term</source>
        <translation>영어 용어</translation>
    </message>
    <message>
        <source>Other English forms, one per line</source>
        <translation>다른 영어 표현 (한 줄에 하나씩)</translation>
    </message>
    <message>
        <source>Korean term</source>
        <translation>한국어 용어</translation>
    </message>
    <message>
        <source>Other Korean forms, one per line</source>
        <translation>다른 한국어 표현 (한 줄에 하나씩)</translation>
    </message>
    <message>
        <source>English definition</source>
        <translation>영어 뜻풀이</translation>
    </message>
    <message>
        <source>Korean definition</source>
        <translation>한국어 뜻풀이</translation>
    </message>
    <message>
        <source>The word used in North Korea</source>
        <translation>북한에서 쓰는 말</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>The Korean term is a &amp;loanword (from English)</source>
        <translation>한국어 용어가 영어에서 온 외래어임(&amp;L)</translation>
    </message>
    <message>
        <source>Loanword</source>
        <translation>외래어</translation>
    </message>
    <message>
        <source>&amp;English:</source>
        <translation>영어(&amp;E):</translation>
    </message>
    <message>
        <source>English &amp;variants:</source>
        <translation>다른 영어 표현(&amp;V):</translation>
    </message>
    <message>
        <source>&amp;Korean:</source>
        <translation>한국어(&amp;K):</translation>
    </message>
    <message>
        <source>Korean v&amp;ariants:</source>
        <translation>다른 한국어 표현(&amp;A):</translation>
    </message>
    <message>
        <source>English &amp;definition:</source>
        <translation>영어 뜻풀이(&amp;D):</translation>
    </message>
    <message>
        <source>Korean de&amp;finition:</source>
        <translation>한국어 뜻풀이(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;North Korean usage:</source>
        <translation>북한에서 쓰는 말(&amp;N):</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>메모(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>분류(&amp;C):</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>대화 상자 버튼</translation>
    </message>
    <message>
        <source>This term comes with Dari. Your changes are kept as your own version; Glossary ▸ Restore Bundled Version brings back the original.</source>
        <translation>이 용어는 다리(Dari)에 기본으로 들어 있는 용어입니다. 고친 내용은 사용자의 버전으로 따로 보관되며, 용어집 ▸ 기본 제공 내용으로 되돌리기를 누르면 원래대로 돌아갑니다.</translation>
    </message>
    <message>
        <source>Both the English and the Korean term are needed.</source>
        <translation>영어 용어와 한국어 용어를 모두 입력해야 합니다.</translation>
    </message>
</context>
<context>
    <name>Glossary</name>
    <message>
        <source>People</source>
        <translation>인물</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>장소</translation>
    </message>
    <message>
        <source>Institutions</source>
        <translation>기관</translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation>제도·지원 사업</translation>
    </message>
    <message>
        <source>Ideas</source>
        <translation>개념</translation>
    </message>
    <message>
        <source>Everyday life</source>
        <translation>일상생활</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>돈</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>건강</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>주거</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>일·직장</translation>
    </message>
    <message>
        <source>Shopping</source>
        <translation>장보기·쇼핑</translation>
    </message>
    <message>
        <source>Banking</source>
        <translation>은행</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>서류</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>교통</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>교육</translation>
    </message>
    <message>
        <source>Technology</source>
        <translation>기술</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>안전</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>보안</translation>
    </message>
    <message>
        <source>Food</source>
        <translation>음식</translation>
    </message>
    <message>
        <source>General</source>
        <translation>일반</translation>
    </message>
</context>
<context>
    <name>GlossaryController</name>
    <message>
        <source>Show &amp;Glossary Panel</source>
        <translation>용어집 패널 표시(&amp;G)</translation>
    </message>
    <message>
        <source>Glossary Panel on the &amp;Left</source>
        <translation>용어집 패널을 왼쪽에(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Underline Glossary Terms</source>
        <translation>용어집 용어에 밑줄 표시(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Add Term…</source>
        <translation>용어 추가(&amp;A)…</translation>
    </message>
    <message>
        <source>Add the selected words to the glossary (Ctrl+Shift+A)</source>
        <translation>선택한 단어를 용어집에 추가 (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>&amp;Edit Term…</source>
        <translation>용어 편집(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete Term</source>
        <translation>용어 삭제(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Restore Bundled Version</source>
        <translation>기본 제공 내용으로 되돌리기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Next Occurrence</source>
        <translation>다음 나온 곳(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Occurrence</source>
        <translation>이전 나온 곳(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>Undo the last glossary change (Ctrl+Z in the panel)</source>
        <translation>마지막 용어집 변경 실행 취소 (패널에서 Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo a glossary change (Ctrl+Shift+Z in the panel)</source>
        <translation>용어집 변경 다시 실행 (패널에서 Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>CSV 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>CSV 내보내기(&amp;X)…</translation>
    </message>
    <message>
        <source>Part of your glossary could not be read and was set aside.</source>
        <translation>용어집의 일부를 읽을 수 없어 따로 보관해 두었습니다.</translation>
    </message>
    <message>
        <source>Some bundled glossary entries were left out.</source>
        <translation>기본 제공 용어집 항목 일부를 불러오지 않았습니다.</translation>
    </message>
    <message>
        <source>The glossary could not be loaded.</source>
        <translation>용어집을 불러올 수 없습니다.</translation>
    </message>
    <message>
        <source>In {en} English and {ko} Korean sentences.</source>
        <translation>영어 문장 {en}개, 한국어 문장 {ko}개에 나옵니다.</translation>
    </message>
    <message>
        <source>Not in this document.</source>
        <translation>이 문서에는 나오지 않습니다.</translation>
    </message>
    <message>
        <source>Occurrence {n} of {total}</source>
        <translation>{total}곳 중 {n}번째</translation>
    </message>
    <message>
        <source>{en} — {ko}. Ctrl+Shift+G shows the glossary panel.</source>
        <translation>{en} — {ko}. Ctrl+Shift+G를 누르면 용어집 패널이 나타납니다.</translation>
    </message>
    <message>
        <source>Look Up “{term}”</source>
        <translation>“{term}” 찾아보기</translation>
    </message>
</context>
<context>
    <name>GlossaryEditsMixin</name>
    <message>
        <source>Your glossary change could not be saved.</source>
        <translation>용어집 변경 내용을 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>{path} was left as it was; Dari will try again with your next change. ({error})</source>
        <translation>{path} 파일은 그대로 두었습니다. 다음에 용어집을 바꿀 때 다시 저장해 봅니다. ({error})</translation>
    </message>
    <message>
        <source>The {language} field holds the whole aligned sentence: trim it to the words that translate your selection.</source>
        <translation>{language} 칸에 짝지어진 문장 전체가 들어 있습니다. 선택한 부분의 번역에 해당하는 단어만 남기고 지우세요.</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>Add “{term}”</source>
        <translation>“{term}” 추가</translation>
    </message>
    <message>
        <source>Edit “{term}”</source>
        <translation>“{term}” 편집</translation>
    </message>
    <message>
        <source>Change “{term}”</source>
        <translation>“{term}” 변경</translation>
    </message>
    <message>
        <source>Delete “{term}”</source>
        <translation>“{term}” 삭제</translation>
    </message>
    <message>
        <source>“{term}” was deleted from the glossary.</source>
        <translation>용어집에서 “{term}” 용어를 삭제했습니다.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Restore “{term}”</source>
        <translation>“{term}” 복원</translation>
    </message>
    <message>
        <source>Export the Glossary</source>
        <translation>용어집 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>The glossary could not be exported.</source>
        <translation>용어집을 내보낼 수 없습니다.</translation>
    </message>
    <message>
        <source>Terms exported to {name}: {count}.</source>
        <translation>{name} 파일로 내보낸 용어: {count}개.</translation>
    </message>
    <message>
        <source>Import Glossary Terms</source>
        <translation>용어집 용어 가져오기</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 파일 (*.csv);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>{name} could not be read.</source>
        <translation>{name} 파일을 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>Import {name}</source>
        <translation>{name} 가져오기</translation>
    </message>
    <message>
        <source>Terms imported from {name}: {count}.</source>
        <translation>{name} 파일에서 가져온 용어: {count}개.</translation>
    </message>
    <message>
        <source>Rows left out: {count}.</source>
        <translation>빠진 줄: {count}개.</translation>
    </message>
</context>
<context>
    <name>GlossaryPanel</name>
    <message>
        <source>Glossary</source>
        <translation>용어집</translation>
    </message>
    <message>
        <source>Glossary panel</source>
        <translation>용어집 패널</translation>
    </message>
    <message>
        <source>Search English or Korean</source>
        <translation>영어 또는 한국어로 검색</translation>
    </message>
    <message>
        <source>Search the glossary</source>
        <translation>용어집 검색</translation>
    </message>
    <message>
        <source>Which terms to list</source>
        <translation>목록에 보일 용어</translation>
    </message>
    <message>
        <source>Terms in this document</source>
        <translation>이 문서의 용어</translation>
    </message>
    <message>
        <source>All terms</source>
        <translation>모든 용어</translation>
    </message>
    <message>
        <source>Glossary terms</source>
        <translation>용어집 용어</translation>
    </message>
    <message>
        <source>Number of terms listed</source>
        <translation>목록의 용어 수</translation>
    </message>
    <message>
        <source>No term selected</source>
        <translation>선택한 용어 없음</translation>
    </message>
    <message>
        <source>Selected term</source>
        <translation>선택한 용어</translation>
    </message>
    <message>
        <source>Glossary entry</source>
        <translation>용어집 항목</translation>
    </message>
    <message>
        <source>Occurrence</source>
        <translation>나온 곳</translation>
    </message>
    <message>
        <source>Ne&amp;xt Occurrence</source>
        <translation>다음 나온 곳(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>추가(&amp;A)…</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>편집(&amp;I)…</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>삭제(&amp;L)</translation>
    </message>
    <message>
        <source>Terms listed: {count}</source>
        <translation>목록의 용어: {count}개</translation>
    </message>
    <message>
        <source>Click an underlined term in either pane, or pick one from the list.</source>
        <translation>양쪽 영역에서 밑줄 친 용어를 누르거나 목록에서 하나를 고르세요.</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>In North Korea</source>
        <translation>북한에서</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>직접 추가함</translation>
    </message>
    <message>
        <source>bundled ({file}), changed by you</source>
        <translation>기본 제공({file}), 직접 수정함</translation>
    </message>
    <message>
        <source>bundled ({file})</source>
        <translation>기본 제공({file})</translation>
    </message>
</context>
<context>
    <name>HandoutController</name>
    <message>
        <source>Export &amp;Handout…</source>
        <translation>유인물 내보내기(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Print Handout…</source>
        <translation>유인물 인쇄(&amp;P)…</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 문서 (*.pdf)</translation>
    </message>
    <message>
        <source>Web page (*.html *.htm)</source>
        <translation>웹 페이지 (*.html *.htm)</translation>
    </message>
    <message>
        <source>handout</source>
        <translation>유인물</translation>
    </message>
    <message>
        <source>Export Handout</source>
        <translation>유인물 내보내기</translation>
    </message>
    <message>
        <source>Exporting the handout to {name}…</source>
        <translation>유인물을 {name}(으)로 내보내는 중…</translation>
    </message>
    <message>
        <source>Handout saved to {path}.</source>
        <translation>유인물을 {path}에 저장했습니다.</translation>
    </message>
    <message>
        <source>The handout could not be saved to {path}.</source>
        <translation>유인물을 {path}에 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>Print Handout</source>
        <translation>유인물 인쇄</translation>
    </message>
    <message>
        <source>Printing the handout…</source>
        <translation>유인물을 인쇄하는 중…</translation>
    </message>
    <message>
        <source>The handout could not be printed.</source>
        <translation>유인물을 인쇄할 수 없습니다.</translation>
    </message>
    <message>
        <source>Handout sent to {printer} ({pages} pages).</source>
        <translation>유인물을 {printer}(으)로 보냈습니다({pages}쪽).</translation>
    </message>
</context>
<context>
    <name>HandoutOptionsDialog</name>
    <message>
        <source>Export Handout</source>
        <translation>유인물 내보내기</translation>
    </message>
    <message>
        <source>Print Handout</source>
        <translation>유인물 인쇄</translation>
    </message>
    <message>
        <source>A handout shows the text in English and Korean together, for the client to keep. Machine translations are marked †.</source>
        <translation>유인물은 영어와 한국어를 함께 실은 인쇄물로, 내담자가 가져갈 수 있습니다. 기계 번역에는 † 표시가 붙습니다.</translation>
    </message>
    <message>
        <source>The document&apos;s titles</source>
        <translation>문서 제목</translation>
    </message>
    <message>
        <source>Handout title</source>
        <translation>유인물 제목</translation>
    </message>
    <message>
        <source>Leave empty to use the document&apos;s titles: {title}</source>
        <translation>비워 두면 문서 제목을 씁니다: {title}</translation>
    </message>
    <message>
        <source>Leave empty to use the document&apos;s titles in both languages.</source>
        <translation>비워 두면 문서의 두 언어 제목을 씁니다.</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>&amp;Aligned columns: English beside Korean</source>
        <translation>두 단으로 나란히(&amp;A): 영어 옆에 한국어</translation>
    </message>
    <message>
        <source>&amp;Interleaved: each English passage, then its Korean</source>
        <translation>번갈아 배치(&amp;I): 영어 단락마다 바로 뒤에 한국어</translation>
    </message>
    <message>
        <source>Include my &amp;notes ({count})</source>
        <translation>내 메모 포함(&amp;N) ({count}개)</translation>
    </message>
    <message>
        <source>Notes are printed after the passage they belong to. Leave them out if the handout is for the client and the notes are not.</source>
        <translation>메모는 해당 단락 뒤에 인쇄됩니다. 유인물은 내담자에게 주지만 메모는 보여 줄 것이 아니라면 빼 두세요.</translation>
    </message>
    <message>
        <source>Include the &amp;glossary of terms used</source>
        <translation>본문에 나온 용어 풀이 포함(&amp;G)</translation>
    </message>
    <message>
        <source>The glossary is still loading.</source>
        <translation>용어집을 아직 불러오는 중입니다.</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>제목(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>인쇄(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Dari Keyboard Help</source>
        <translation>다리(Dari) 키보드 도움말</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>Every command is in a menu: press Alt (or F10) to reach the menu bar, then the underlined letter. Tab moves between the panes and the panels.</source>
        <translation>모든 명령은 메뉴에 있습니다. Alt(또는 F10)를 눌러 메뉴 막대로 간 다음 밑줄 친 글자를 누르세요. Tab 키로 영역과 패널 사이를 옮겨 다닙니다.</translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <source>Library</source>
        <translation>서재</translation>
    </message>
    <message>
        <source>Choose a text to read. Enter or a double-click opens it.</source>
        <translation>읽을 글을 고르세요. Enter 키를 누르거나 두 번 클릭하면 열립니다.</translation>
    </message>
    <message>
        <source>Texts to open</source>
        <translation>열 수 있는 글</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>열기(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Remove from List</source>
        <translation>목록에서 빼기(&amp;R)</translation>
    </message>
    <message>
        <source>Take the chosen recent file off this list (Delete). The file itself stays.</source>
        <translation>고른 최근 파일을 이 목록에서 뺍니다(Delete). 파일 자체는 지워지지 않습니다.</translation>
    </message>
    <message>
        <source>Open the chosen text</source>
        <translation>고른 글 열기</translation>
    </message>
    <message>
        <source>Remove the chosen file from the list</source>
        <translation>고른 파일을 목록에서 빼기</translation>
    </message>
    <message>
        <source>Articles that come with Dari</source>
        <translation>다리에 기본으로 들어 있는 글</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>최근 파일</translation>
    </message>
    <message>
        <source>No files opened yet.</source>
        <translation>아직 연 파일이 없습니다.</translation>
    </message>
    <message>
        <source>Missing — was in {folder}</source>
        <translation>찾을 수 없음 — 원래 위치: {folder}</translation>
    </message>
    <message>
        <source>{path} is no longer there.</source>
        <translation>{path} 파일이 원래 자리에 없습니다.</translation>
    </message>
    <message>
        <source>“{name}” is no longer there. It may have been moved or deleted, or be on a drive that is not connected.</source>
        <translation>“{name}” 파일이 원래 자리에 없습니다. 옮겨졌거나 지워졌을 수 있고, 연결되지 않은 드라이브에 있을 수도 있습니다.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Your settings file was damaged and has been set aside.</source>
        <translation>설정 파일이 손상되어 따로 보관해 두었습니다.</translation>
    </message>
    <message>
        <source>Dari started with default settings. The old file is at {path}.</source>
        <translation>기본 설정으로 시작했습니다. 이전 파일은 {path}에 있습니다.</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open the &amp;Bundled Article</source>
        <translation>기본 제공 글 열기(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Swap Panes</source>
        <translation>영역 위치 바꾸기(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;tacked Layout</source>
        <translation>위아래로 배치(&amp;T)</translation>
    </message>
    <message>
        <source>Show &amp;English Pane</source>
        <translation>영어 영역 표시(&amp;E)</translation>
    </message>
    <message>
        <source>Show &amp;Korean Pane</source>
        <translation>한국어 영역 표시(&amp;K)</translation>
    </message>
    <message>
        <source>S&amp;ynchronised Scrolling</source>
        <translation>동시 스크롤(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Next Sentence</source>
        <translation>다음 문장(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Sentence</source>
        <translation>이전 문장(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;About Dari</source>
        <translation>다리(Dari) 정보(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Help</source>
        <translation>키보드 도움말(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>환경 설정(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Translate Document</source>
        <translation>문서 번역(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Cancel Translation</source>
        <translation>번역 취소(&amp;C)</translation>
    </message>
    <message>
        <source>Translation &amp;Models…</source>
        <translation>번역 모델(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Correct Sentence…</source>
        <translation>문장 수정(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Navigate</source>
        <translation>이동(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Speech</source>
        <translation>음성(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Glossary</source>
        <translation>용어집(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Translate</source>
        <translation>번역(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>기본 도구 모음</translation>
    </message>
    <message>
        <source>Show Tool&amp;bar</source>
        <translation>도구 모음 보기(&amp;B)</translation>
    </message>
    <message>
        <source>Untitled text</source>
        <translation>제목 없는 글</translation>
    </message>
    <message>
        <source>About Dari</source>
        <translation>다리(Dari) 정보</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Dari · 다리&lt;/b&gt; — English and Korean side by side.&lt;/p&gt;&lt;p&gt;Dari works entirely on this computer: it makes no network request unless you ask it to download a translation model.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;다리 · Dari&lt;/b&gt; — 영어와 한국어를 나란히 읽습니다.&lt;/p&gt;&lt;p&gt;다리는 모든 작업을 이 컴퓨터 안에서 합니다. 번역 모델을 내려받으라고 요청할 때가 아니면 네트워크에 접속하지 않습니다.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Messages</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>알림 닫기</translation>
    </message>
    <message>
        <source>Dismiss message (Esc)</source>
        <translation>알림 닫기 (Esc)</translation>
    </message>
</context>
<context>
    <name>ModelManagerDialog</name>
    <message>
        <source>Translation Models</source>
        <translation>번역 모델</translation>
    </message>
    <message>
        <source>Dari translates on this computer with Argos Translate models. Install an English→Korean model to translate English texts, and a Korean→English one for Korean texts. Nothing is sent over the network.</source>
        <translation>다리(Dari)는 Argos Translate 모델로 이 컴퓨터 안에서 번역합니다. 영어 글을 번역하려면 영어→한국어 모델을, 한국어 글을 번역하려면 한국어→영어 모델을 설치하세요. 네트워크로는 아무것도 보내지 않습니다.</translation>
    </message>
    <message>
        <source>About translation models</source>
        <translation>번역 모델 안내</translation>
    </message>
    <message>
        <source>Models are kept in {folder}.</source>
        <translation>모델은 {folder}에 보관됩니다.</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>Size on disk</source>
        <translation>디스크 사용량</translation>
    </message>
    <message>
        <source>Installed translation models</source>
        <translation>설치된 번역 모델</translation>
    </message>
    <message>
        <source>One row per installed model</source>
        <translation>설치된 모델마다 한 줄</translation>
    </message>
    <message>
        <source>No translation models are installed yet. Install one from a file, or download one.</source>
        <translation>아직 설치된 번역 모델이 없습니다. 파일에서 설치하거나 내려받으세요.</translation>
    </message>
    <message>
        <source>Current job</source>
        <translation>현재 작업</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>진행 상황</translation>
    </message>
    <message>
        <source>Amount done</source>
        <translation>진행률</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Stop the current job</source>
        <translation>현재 작업 중지</translation>
    </message>
    <message>
        <source>&amp;Install from File…</source>
        <translation>파일에서 설치(&amp;I)…</translation>
    </message>
    <message>
        <source>Install a model from an .argosmodel file</source>
        <translation>.argosmodel 파일에서 모델 설치</translation>
    </message>
    <message>
        <source>&amp;Download…</source>
        <translation>내려받기(&amp;D)…</translation>
    </message>
    <message>
        <source>Download an English–Korean model over the internet</source>
        <translation>인터넷에서 영어–한국어 모델 내려받기</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>제거(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected model</source>
        <translation>선택한 모델 제거</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>이 창 닫기</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>{source} → {target}</source>
        <translation>{source} → {target}</translation>
    </message>
    <message>
        <source>The models folder {folder} could not be read: {reason}.</source>
        <translation>모델 폴더({folder})를 읽을 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <source>Installing “{name}”…</source>
        <translation>“{name}” 설치 중…</translation>
    </message>
    <message>
        <source>The installation was cancelled; nothing was changed.</source>
        <translation>설치를 취소했습니다. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>“{name}” could not be installed.</source>
        <translation>“{name}” 설치에 실패했습니다.</translation>
    </message>
    <message>
        <source>Getting the list of models…</source>
        <translation>모델 목록을 가져오는 중…</translation>
    </message>
    <message>
        <source>The download was cancelled; nothing was installed.</source>
        <translation>내려받기를 취소했습니다. 아무것도 설치하지 않았습니다.</translation>
    </message>
    <message>
        <source>The list of models could not be downloaded.</source>
        <translation>모델 목록을 내려받을 수 없습니다.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <source>Install a Translation Model</source>
        <translation>번역 모델 설치</translation>
    </message>
    <message>
        <source>Argos Translate models (*.argosmodel);;All files (*)</source>
        <translation>Argos Translate 모델 (*.argosmodel);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>{pair}, version {version}</source>
        <translation>{pair}, 버전 {version}</translation>
    </message>
    <message>
        <source>Download a Model</source>
        <translation>모델 내려받기</translation>
    </message>
    <message>
        <source>Choose the model to download and install:</source>
        <translation>내려받아 설치할 모델을 고르세요:</translation>
    </message>
    <message>
        <source>Wait until the current job has finished.</source>
        <translation>지금 하는 작업이 끝날 때까지 기다리세요.</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} / {total}</translation>
    </message>
    <message>
        <source>Installed {name} ({pair}).</source>
        <translation>{name}({pair}) 설치를 마쳤습니다.</translation>
    </message>
    <message>
        <source>Removed {name} ({pair}).</source>
        <translation>{name}({pair}) 제거를 마쳤습니다.</translation>
    </message>
    <message>
        <source>The list of models has no English–Korean models.</source>
        <translation>모델 목록에 영어–한국어 모델이 없습니다.</translation>
    </message>
    <message>
        <source>Every English–Korean model in the list is already installed. To install another version, remove the installed one first.</source>
        <translation>목록에 있는 영어–한국어 모델은 모두 이미 설치되어 있습니다. 다른 버전을 설치하려면 먼저 설치된 모델을 제거하세요.</translation>
    </message>
    <message>
        <source>Installing {name}…</source>
        <translation>{name} 설치 중…</translation>
    </message>
    <message>
        <source>Downloading {name}…</source>
        <translation>{name} 내려받는 중…</translation>
    </message>
    <message>
        <source>{name} could not be downloaded.</source>
        <translation>{name} 내려받기에 실패했습니다.</translation>
    </message>
    <message>
        <source>A folder among the installed models cannot be used.</source>
        <translation>설치된 모델 가운데 쓸 수 없는 폴더가 하나 있습니다.</translation>
    </message>
    <message>
        <source>{count} folders among the installed models cannot be used.</source>
        <translation>설치된 모델 가운데 쓸 수 없는 폴더가 {count}개 있습니다.</translation>
    </message>
    <message>
        <source>Dari ignores them. Other Argos Translate tools may stop working until they are removed from {folder}.</source>
        <translation>다리(Dari)는 이 폴더를 건너뜁니다. {folder}에서 지우기 전까지는 다른 Argos Translate 도구가 제대로 작동하지 않을 수 있습니다.</translation>
    </message>
    <message>
        <source>Remove Model</source>
        <translation>모델 제거</translation>
    </message>
    <message>
        <source>Remove {name} ({pair})? It frees {size}. To translate {pair} again, you will have to install a model for it again.</source>
        <translation>{name}({pair}) 모델을 제거할까요? 디스크 공간이 {size} 늘어납니다. 나중에 다시 {pair} 번역을 하려면 모델을 다시 설치해야 합니다.</translation>
    </message>
    <message>
        <source>Removing {name}…</source>
        <translation>{name} 제거 중…</translation>
    </message>
    <message>
        <source>{name} could not be removed.</source>
        <translation>{name} 제거에 실패했습니다.</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Edit Note</source>
        <translation>메모 편집</translation>
    </message>
    <message>
        <source>Add Note</source>
        <translation>메모 추가</translation>
    </message>
    <message>
        <source>{language} sentence {number}</source>
        <translation>{language} {number}번째 문장</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>메모 내용</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves the note.</source>
        <translation>Ctrl+Enter를 누르면 메모가 저장됩니다.</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves · Enter starts a new line · Esc cancels</source>
        <translation>Ctrl+Enter: 저장 · Enter: 줄 바꿈 · Esc: 취소</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Notes on sentences</source>
        <translation>문장에 단 메모</translation>
    </message>
    <message>
        <source>No notes yet. Click a sentence and choose Add Note to Sentence (Ctrl+Shift+N).</source>
        <translation>아직 메모가 없습니다. 문장을 누른 뒤 ‘문장에 메모 추가’(Ctrl+Shift+N)를 고르세요.</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>추가(&amp;A)…</translation>
    </message>
    <message>
        <source>Add a note to the current sentence (Ctrl+Shift+N)</source>
        <translation>현재 문장에 메모 추가 (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>메모 추가</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>편집(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit the chosen note (Enter)</source>
        <translation>고른 메모 편집 (Enter)</translation>
    </message>
    <message>
        <source>Edit the chosen note</source>
        <translation>고른 메모 편집</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the chosen note (Delete)</source>
        <translation>고른 메모 삭제 (Delete)</translation>
    </message>
    <message>
        <source>Delete the chosen note</source>
        <translation>고른 메모 삭제</translation>
    </message>
    <message>
        <source>{language} sentence {number}</source>
        <translation>{language} {number}번째 문장</translation>
    </message>
</context>
<context>
    <name>Pane</name>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>Korean · 한국어</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>Machine translation — may contain errors</source>
        <translation>기계 번역 — 오류가 있을 수 있음</translation>
    </message>
    <message>
        <source>Original text</source>
        <translation>원문</translation>
    </message>
    <message>
        <source>Translation corrected by you</source>
        <translation>직접 수정한 번역</translation>
    </message>
    <message>
        <source>Reviewed translation</source>
        <translation>검토된 번역</translation>
    </message>
    <message>
        <source>{language} text</source>
        <translation>{language} 본문</translation>
    </message>
    <message>
        <source>Translate with an offline model</source>
        <translation>오프라인 모델로 번역하기</translation>
    </message>
    <message>
        <source>This document has no {language} text yet.
Dari can translate it from {source} on this computer, without sending anything over the network.</source>
        <translation>이 문서에는 아직 {language} 글이 없습니다.
{source} 원문을 이 컴퓨터 안에서 번역할 수 있습니다. 네트워크로는 아무것도 보내지 않습니다.</translation>
    </message>
</context>
<context>
    <name>ParagraphWindowMixin</name>
    <message>
        <source>Place in the whole text</source>
        <translation>글 전체에서의 위치</translation>
    </message>
    <message>
        <source>The text is long: the pane lays out part of it at a time. This bar spans all of it.</source>
        <translation>글이 길어서 창에는 한 번에 일부만 배치됩니다. 이 막대는 글 전체를 나타냅니다.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>환경 설정</translation>
    </message>
    <message>
        <source>Preference pages</source>
        <translation>환경 설정 항목</translation>
    </message>
    <message>
        <source>&amp;Reading</source>
        <translation>읽기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Speech</source>
        <translation>음성(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Glossary</source>
        <translation>용어집(&amp;G)</translation>
    </message>
    <message>
        <source>Restore &amp;Defaults</source>
        <translation>기본값 복원(&amp;D)</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>기본값 복원</translation>
    </message>
    <message>
        <source>Sets every preference in this dialog back to Dari&apos;s default.</source>
        <translation>이 창의 모든 설정을 다리(Dari)의 기본값으로 되돌립니다.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>닫기(&amp;C)</translation>
    </message>
    <message>
        <source>Close preferences</source>
        <translation>환경 설정 닫기</translation>
    </message>
    <message>
        <source>&amp;English text size:</source>
        <translation>영어 글자 크기(&amp;E):</translation>
    </message>
    <message>
        <source>English &amp;font:</source>
        <translation>영어 글꼴(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Korean text size:</source>
        <translation>한국어 글자 크기(&amp;K):</translation>
    </message>
    <message>
        <source>Korean f&amp;ont:</source>
        <translation>한국어 글꼴(&amp;O):</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>{language} text size</source>
        <translation>{language} 글자 크기</translation>
    </message>
    <message>
        <source>Size of the {language} reading text, in points.</source>
        <translation>{language} 본문의 글자 크기 (포인트 단위).</translation>
    </message>
    <message>
        <source>{language} font</source>
        <translation>{language} 글꼴</translation>
    </message>
    <message>
        <source>Font for the {language} reading text.</source>
        <translation>{language} 본문에 쓸 글꼴.</translation>
    </message>
    <message>
        <source>&amp;Line spacing:</source>
        <translation>줄 간격(&amp;L):</translation>
    </message>
    <message>
        <source>Line spacing</source>
        <translation>줄 간격</translation>
    </message>
    <message>
        <source>Height of each line, as a percentage of the font&apos;s normal height.</source>
        <translation>각 줄의 높이 (글꼴 기본 높이에 대한 백분율).</translation>
    </message>
    <message>
        <source>&amp;Paragraph spacing:</source>
        <translation>문단 간격(&amp;P):</translation>
    </message>
    <message>
        <source>Paragraph spacing</source>
        <translation>문단 간격</translation>
    </message>
    <message>
        <source>Space after each paragraph, as a percentage of the font size.</source>
        <translation>문단 뒤의 빈 공간 (글자 크기에 대한 백분율).</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <source> characters</source>
        <translation>자</translation>
    </message>
    <message>
        <source>&amp;Maximum line width:</source>
        <translation>최대 줄 길이(&amp;M):</translation>
    </message>
    <message>
        <source>Maximum line width</source>
        <translation>최대 줄 길이</translation>
    </message>
    <message>
        <source>Longest line, in characters. No limit lets lines fill the pane.</source>
        <translation>한 줄의 최대 글자 수. ‘제한 없음’이면 줄이 영역 너비를 가득 채웁니다.</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>테마(&amp;T):</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>테마</translation>
    </message>
    <message>
        <source>Colours of the whole window, applied at once.</source>
        <translation>창 전체의 색. 바로 적용됩니다.</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>시스템 설정과 같게</translation>
    </message>
    <message>
        <source>Takes effect the next time Dari starts.</source>
        <translation>다리(Dari)를 다음에 시작할 때 적용됩니다.</translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation>화면 표시 언어(&amp;I):</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>화면 표시 언어</translation>
    </message>
    <message>
        <source>&amp;Use the default font</source>
        <translation>기본 글꼴 사용(&amp;U)</translation>
    </message>
    <message>
        <source>Use the default fo&amp;nt</source>
        <translation>기본 글꼴 사용(&amp;N)</translation>
    </message>
    <message>
        <source>Use the default {language} font</source>
        <translation>기본 {language} 글꼴 사용</translation>
    </message>
    <message>
        <source>Dari&apos;s default font for this language is {family}.</source>
        <translation>이 언어의 기본 글꼴은 {family}입니다.</translation>
    </message>
    <message>
        <source>Speech is not available: {problem}</source>
        <translation>음성을 사용할 수 없습니다: {problem}</translation>
    </message>
    <message>
        <source>no voices were found.</source>
        <translation>목소리를 찾지 못했습니다.</translation>
    </message>
    <message>
        <source>Bilingual (both languages)</source>
        <translation>두 언어 모두</translation>
    </message>
    <message>
        <source>Read &amp;aloud:</source>
        <translation>소리 내어 읽기(&amp;A):</translation>
    </message>
    <message>
        <source>Language read aloud</source>
        <translation>소리 내어 읽을 언어</translation>
    </message>
    <message>
        <source>Which text Dari reads aloud.</source>
        <translation>소리 내어 읽을 글.</translation>
    </message>
    <message>
        <source>&amp;English voice:</source>
        <translation>영어 목소리(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Korean voice:</source>
        <translation>한국어 목소리(&amp;K):</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>English voice</source>
        <translation>영어 목소리</translation>
    </message>
    <message>
        <source>Korean voice</source>
        <translation>한국어 목소리</translation>
    </message>
    <message>
        <source>Speaking ra&amp;te:</source>
        <translation>말하기 속도(&amp;T):</translation>
    </message>
    <message>
        <source>Speaking rate</source>
        <translation>말하기 속도</translation>
    </message>
    <message>
        <source>{value} words per minute</source>
        <translation>분당 {value}단어</translation>
    </message>
    <message>
        <source>&amp;Volume:</source>
        <translation>음량(&amp;V):</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>음량</translation>
    </message>
    <message>
        <source>{value} %</source>
        <translation>{value}%</translation>
    </message>
    <message>
        <source>Sound device</source>
        <translation>소리 장치</translation>
    </message>
    <message>
        <source>Silent</source>
        <translation>소리 없음</translation>
    </message>
    <message>
        <source>&amp;Output:</source>
        <translation>출력(&amp;O):</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>Where speech is played.</source>
        <translation>음성이 나올 곳.</translation>
    </message>
    <message>
        <source>&amp;Mark glossary terms in the text</source>
        <translation>본문에 용어집 용어 표시(&amp;M)</translation>
    </message>
    <message>
        <source>Mark glossary terms in the text</source>
        <translation>본문에 용어집 용어 표시</translation>
    </message>
    <message>
        <source>Underlines words that are in your glossary.</source>
        <translation>용어집에 있는 단어에 밑줄을 긋습니다.</translation>
    </message>
    <message>
        <source>{voice} (not available)</source>
        <translation>{voice} (사용할 수 없음)</translation>
    </message>
</context>
<context>
    <name>ReadingController</name>
    <message>
        <source>&amp;Larger Text</source>
        <translation>글자 크게(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Smaller Text</source>
        <translation>글자 작게(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Default Size</source>
        <translation>기본 크기(&amp;D)</translation>
    </message>
    <message>
        <source>Larger Text in &amp;Both Panes</source>
        <translation>두 영역 모두 글자 크게(&amp;B)</translation>
    </message>
    <message>
        <source>Smaller Text in B&amp;oth Panes</source>
        <translation>두 영역 모두 글자 작게(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Focus Mode</source>
        <translation>집중 모드(&amp;F)</translation>
    </message>
    <message>
        <source>Sess&amp;ion Mode</source>
        <translation>상담 모드(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Reveal Translation</source>
        <translation>번역 보기(&amp;R)</translation>
    </message>
    <message>
        <source>(in the pane you are reading)</source>
        <translation>(읽고 있는 영역에서)</translation>
    </message>
    <message>
        <source>Text Si&amp;ze</source>
        <translation>글자 크기(&amp;Z)</translation>
    </message>
    <message>
        <source>Session mode: press Ctrl+R to reveal the translation of the current sentence, F9 to leave.</source>
        <translation>상담 모드: Ctrl+R을 누르면 지금 문장의 번역이 보이고, F9를 누르면 상담 모드를 끝냅니다.</translation>
    </message>
    <message>
        <source>Translation revealed.</source>
        <translation>번역을 표시했습니다.</translation>
    </message>
</context>
<context>
    <name>SentenceEditor</name>
    <message>
        <source>Correct this sentence</source>
        <translation>이 문장 수정</translation>
    </message>
    <message>
        <source>Enter saves your correction · Shift+Enter new line · Esc cancels</source>
        <translation>Enter: 수정 내용 저장 · Shift+Enter: 줄 바꿈 · Esc: 취소</translation>
    </message>
    <message>
        <source>Correct Sentence</source>
        <translation>문장 수정</translation>
    </message>
</context>
<context>
    <name>SentenceView</name>
    <message>
        <source>Machine translation by {model} — may contain errors</source>
        <translation>기계 번역({model}) — 오류가 있을 수 있음</translation>
    </message>
    <message>
        <source>an offline model</source>
        <translation>오프라인 모델</translation>
    </message>
    <message>
        <source>Corrected by you</source>
        <translation>직접 수정함</translation>
    </message>
    <message>
        <source>Note: {text}</source>
        <translation>메모: {text}</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>&amp;Save Session…</source>
        <translation>상담 기록 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Open Sess&amp;ion…</source>
        <translation>상담 기록 열기(&amp;I)…</translation>
    </message>
    <message>
        <source>Add &amp;Note to Sentence…</source>
        <translation>문장에 메모 추가(&amp;N)…</translation>
    </message>
    <message>
        <source>Show N&amp;otes Panel</source>
        <translation>메모 패널 보기(&amp;O)</translation>
    </message>
    <message>
        <source>Show the notes on sentences (Ctrl+Shift+J)</source>
        <translation>문장에 단 메모 보기 (Ctrl+Shift+J)</translation>
    </message>
    <message>
        <source>Click a sentence first, then add a note to it.</source>
        <translation>먼저 문장을 누른 다음 메모를 추가하세요.</translation>
    </message>
    <message>
        <source>Note deleted.</source>
        <translation>메모를 삭제했습니다.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>상담 기록</translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation>상담 기록 저장</translation>
    </message>
    <message>
        <source>Session saved to {path}.</source>
        <translation>상담 기록을 {path}에 저장했습니다.</translation>
    </message>
    <message>
        <source>The session could not be saved to {path}.</source>
        <translation>상담 기록을 {path}에 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>Dari sessions ({patterns});;All files (*)</source>
        <translation>다리 상담 기록 ({patterns});;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>상담 기록 열기</translation>
    </message>
</context>
<context>
    <name>SpeechController</name>
    <message>
        <source>More toolbar buttons</source>
        <translation>도구 모음 버튼 더 보기</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>일시 정지(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>계속 재생(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>재생(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>정지(&amp;S)</translation>
    </message>
    <message>
        <source>Pre&amp;vious Sentence</source>
        <translation>이전 문장(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Next Sentence</source>
        <translation>다음 문장(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Export Speech to WAV…</source>
        <translation>음성을 WAV로 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Language read aloud</source>
        <translation>소리 내어 읽을 언어</translation>
    </message>
    <message>
        <source>Read the &amp;English Pane</source>
        <translation>영어 영역 읽기(&amp;E)</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>Read the &amp;Korean Pane</source>
        <translation>한국어 영역 읽기(&amp;K)</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>Read &amp;Both (Bilingual)</source>
        <translation>두 언어 모두 읽기(&amp;B)</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>두 언어</translation>
    </message>
    <message>
        <source>Starting the speech engine…</source>
        <translation>음성 엔진을 시작하는 중…</translation>
    </message>
    <message>
        <source>Looking for a sound device…</source>
        <translation>소리 장치를 찾는 중…</translation>
    </message>
</context>
<context>
    <name>SpeechEngine</name>
    <message>
        <source>the speech engine is still starting.</source>
        <extracomment>A Synthesizer to use instead of making one, left open by close(). pyttsx3 allows one engine per process: tests that open many windows share one (see tests/ui).</extracomment>
        <translation>음성 엔진이 아직 시작되는 중입니다.</translation>
    </message>
    <message>
        <source>Reading aloud failed.</source>
        <translation>소리 내어 읽지 못했습니다.</translation>
    </message>
    <message>
        <source>For the highlighting without sound, choose Silent output in Preferences.</source>
        <translation>소리 없이 문장 강조만 보려면 환경 설정에서 출력을 ‘소리 없음’으로 고르세요.</translation>
    </message>
    <message>
        <source>Dari cannot play sound on this computer.</source>
        <translation>이 컴퓨터에서는 소리를 낼 수 없습니다.</translation>
    </message>
    <message>
        <source>Export to WAV…</source>
        <translation>WAV로 내보내기…</translation>
    </message>
    <message>
        <source>Dari cannot read {language} aloud.</source>
        <translation>{language}를 소리 내어 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>Reading aloud needs a speech engine.</source>
        <translation>소리 내어 읽으려면 음성 엔진이 필요합니다.</translation>
    </message>
    <message>
        <source>Then restart Dari.</source>
        <translation>그런 다음 다리(Dari)를 다시 시작하세요.</translation>
    </message>
</context>
<context>
    <name>SpeechExporter</name>
    <message>
        <source>the selected sentences</source>
        <translation>선택한 문장</translation>
    </message>
    <message>
        <source>the whole document</source>
        <translation>문서 전체</translation>
    </message>
    <message>
        <source>Export Speech of {what} to WAV</source>
        <translation>{what}의 음성을 WAV로 내보내기</translation>
    </message>
    <message>
        <source>WAV audio (*.wav)</source>
        <translation>WAV 소리 파일 (*.wav)</translation>
    </message>
    <message>
        <source>Speech export progress</source>
        <translation>음성 내보내기 진행 상황</translation>
    </message>
    <message>
        <source>%v of %m sentences</source>
        <translation>%m개 문장 중 %v개</translation>
    </message>
    <message>
        <source>Cancel Export</source>
        <translation>내보내기 취소</translation>
    </message>
    <message>
        <source>Cancel the speech export</source>
        <translation>음성 내보내기 취소</translation>
    </message>
    <message>
        <source>Exporting speech to {name}…</source>
        <translation>{name} 파일로 음성을 내보내는 중…</translation>
    </message>
    <message>
        <source>Saved the speech to {path}.</source>
        <translation>음성을 {path}에 저장했습니다.</translation>
    </message>
    <message>
        <source>{count} sentences, {seconds:.0f} seconds.</source>
        <translation>문장 {count}개, {seconds:.0f}초.</translation>
    </message>
    <message>
        <source>Speech export cancelled.</source>
        <translation>음성 내보내기를 취소했습니다.</translation>
    </message>
</context>
<context>
    <name>TermMarker</name>
    <message>
        <source>In North Korea: {usage}</source>
        <translation>북한에서는: {usage}</translation>
    </message>
    <message>
        <source>북한에서는: {usage}</source>
        <translation>북한에서는: {usage}</translation>
    </message>
</context>
<context>
    <name>Themes</name>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>Sepia</source>
        <translation>세피아(누런 종이색)</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>고대비</translation>
    </message>
</context>
<context>
    <name>TranslationMixin</name>
    <message>
        <source>Translation progress</source>
        <translation>번역 진행 상황</translation>
    </message>
    <message>
        <source>%v of %m sentences</source>
        <translation>%m개 문장 중 %v개</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Cancel translation</source>
        <translation>번역 취소</translation>
    </message>
    <message>
        <source>Translation failed.</source>
        <translation>번역에 실패했습니다.</translation>
    </message>
    <message>
        <source>This document is already fully translated.</source>
        <translation>이 문서는 이미 모두 번역되어 있습니다.</translation>
    </message>
    <message>
        <source>Translation stopped: {done} sentences kept.</source>
        <translation>번역을 멈췄습니다. 이미 번역한 문장 {done}개는 그대로 둡니다.</translation>
    </message>
    <message>
        <source>No {pair} translation model is installed.</source>
        <translation>{pair} 번역 모델이 설치되어 있지 않습니다.</translation>
    </message>
    <message>
        <source>Dari translates on this computer with Argos Translate models. Install one from a .argosmodel file, or download it, in Translation Models.</source>
        <translation>다리(Dari)는 Argos Translate 모델로 이 컴퓨터 안에서 번역합니다. ‘번역 모델’에서 .argosmodel 파일로 설치하거나 내려받으세요.</translation>
    </message>
    <message>
        <source>Translation Models…</source>
        <translation>번역 모델…</translation>
    </message>
    <message>
        <source>Original text cannot be edited; correct its translation instead.</source>
        <translation>원문은 고칠 수 없습니다. 대신 번역을 수정하세요.</translation>
    </message>
</context>
</TS>
