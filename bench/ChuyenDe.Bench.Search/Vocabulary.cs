namespace ChuyenDe.Bench.Search;

/// <summary>
/// The words and phrases the synthetic corpus is made of: sample content about preschool education in Vietnamese
/// (NFC, with tone marks), written for this benchmark. Lists are ordered roughly from common to rare, because the
/// generator picks early entries more often (a skewed, Zipf-like distribution, as in real text).
/// </summary>
internal static class Vocabulary
{
    public static readonly string[] Subjects =
    [
        "trẻ", "các bé", "cô giáo", "giáo viên", "cha mẹ", "trẻ mẫu giáo lớn", "nhà trường", "tổ chuyên môn",
        "các cô", "phụ huynh", "trẻ nhà trẻ", "lớp lá", "lớp chồi", "lớp mầm", "nhóm trẻ", "ban giám hiệu",
        "trẻ 5–6 tuổi", "trẻ 4–5 tuổi", "trẻ 3–4 tuổi", "trẻ 24–36 tháng", "cô hiệu trưởng",
        "phó hiệu trưởng phụ trách chuyên môn", "nhân viên nuôi dưỡng", "tổ bếp", "các gia đình", "cụm chuyên môn",
        "chuyên viên mầm non", "giáo viên dạy giỏi", "trẻ biếng ăn", "trẻ nhút nhát", "nhóm bạn thân",
        "cộng đồng khu phố", "ông bà", "các anh chị lớp lá", "đội văn nghệ của lớp", "ban đại diện cha mẹ học sinh",
        "giáo viên mới ra trường", "nhân viên y tế", "bảo mẫu", "trẻ khuyết tật học hòa nhập",
    ];

    public static readonly string[] Verbs =
    [
        "tự lấy", "quan sát", "trò chuyện về", "khám phá", "trải nghiệm", "sắp xếp", "chuẩn bị", "xây dựng",
        "tổ chức", "thiết kế", "ghi chép", "chụp ảnh", "kể lại", "vẽ", "nặn", "cắt dán", "đo", "đếm", "so sánh",
        "phân loại", "lắp ghép", "trồng", "chăm sóc", "tưới", "thu hoạch", "dọn dẹp", "cất", "chia sẻ",
        "đặt câu hỏi về", "lựa chọn", "đánh giá", "điều chỉnh", "bổ sung", "làm mới", "tái chế", "trang trí",
        "biểu diễn", "hát về", "đọc", "xem", "lắng nghe", "thảo luận về", "hợp tác để làm", "ghi nhận", "theo dõi",
        "hướng dẫn", "khuyến khích", "hỗ trợ", "phối hợp", "tham quan", "dự giờ", "nhân rộng", "sơ kết", "tổng kết",
        "tập huấn về", "bồi dưỡng", "tự xới", "tự phục vụ với", "thử nghiệm", "mô phỏng", "đóng vai", "kể chuyện về",
        "sưu tầm", "giới thiệu", "trưng bày", "ước lượng", "dự đoán", "kiểm chứng", "tháo lắp", "gấp",
    ];

    public static readonly string[] Objects =
    [
        "giờ ăn", "góc xây dựng", "vật liệu mở", "đồ chơi tự tạo", "góc thiên nhiên", "vật liệu tái chế", "vườn rau",
        "kế hoạch tuần", "hồ sơ tiến bộ", "hoạt động trải nghiệm", "môi trường học tập", "góc sách", "góc nghệ thuật",
        "góc phân vai", "góc khám phá khoa học", "đồ dùng học tập", "khay", "bát", "thìa", "muôi", "khăn", "tạp dề",
        "cơm", "canh", "rau", "hạt giống", "chậu cây", "cát và nước", "sỏi", "lá cây", "hoa", "con sâu", "con ốc",
        "bản đồ", "sơ đồ tư duy", "kế hoạch tháng", "chủ đề", "dự án", "bộ câu hỏi", "phiếu quan sát", "sổ liên lạc",
        "ảnh chụp", "tranh vẽ", "truyện tranh", "bài thơ", "bài hát", "trò chơi dân gian", "trò chơi vận động",
        "đường hầm", "cây cầu", "thuyền giấy", "ống hút", "hộp sữa", "lõi giấy", "nắp chai", "vỏ sò", "quả bóng",
        "vòng thể dục", "dây thừng", "bục leo", "thẻ hình", "thẻ chữ", "lịch trực nhật", "bảng tin phụ huynh",
        "thư viện mở", "sân chơi", "môi trường lớp học", "không gian ngoài trời", "hoạt động góc", "hoạt động ngoài trời",
        "giờ ngủ", "giờ đón trẻ", "giờ trả trẻ", "bữa trưa", "bữa phụ", "thực đơn", "kỹ năng tự phục vụ", "kỹ năng sống",
        "kỹ năng giao tiếp", "ngôn ngữ", "vốn từ", "chữ cái", "chữ số", "hình khối", "màu sắc", "âm thanh",
        "nhịp điệu", "cảm xúc", "tình bạn", "lòng tự tin", "tính tự lập", "sự tò mò", "phương pháp Montessori",
        "phương pháp Reggio Emilia", "giáo dục STEAM", "chuyển đổi số", "nhóm Zalo của lớp", "bảng tương tác",
        "máy tính bảng", "video ngắn", "bài trình chiếu", "giáo án", "học liệu", "bộ công cụ", "tiêu chí đánh giá",
        "chương trình giáo dục mầm non", "chuyên đề", "mô hình điểm", "sáng kiến kinh nghiệm", "sản phẩm điển hình",
        "lễ hội", "ngày hội", "đêm hội trăng rằm", "Tết Trung thu", "Tết Nguyên đán", "ngày Nhà giáo Việt Nam",
        "hội thi", "buổi tham quan", "buổi sinh hoạt chuyên môn", "tài liệu hướng dẫn", "quy trình", "nề nếp",
        "bể bơi mini", "khu vận động", "nhà bóng", "xích đu", "cầu trượt", "hố cát", "ao cá", "chuồng thỏ",
        "cây bàng", "cây phượng", "lá chuối", "mo cau", "vỏ trứng", "hạt đậu", "bột mì", "đất nặn", "màu nước",
        "giấy báo cũ", "thùng các-tông", "khối gỗ", "que kem", "cúc áo", "bàn chia thức ăn", "xô đựng thức ăn thừa",
        "rổ bát", "bình nước", "cốc uống nước", "khăn mặt", "bàn chải đánh răng", "tủ đồ cá nhân", "bảng cảm xúc",
        "hộp thư yêu thương", "góc bình yên", "sổ tay giáo viên", "nhật ký lớp", "biên bản dự giờ", "phiếu đánh giá",
        "bảng kiểm", "kế hoạch giáo dục năm học", "chương trình bồi dưỡng thường xuyên", "tiết mục văn nghệ",
        "đàn organ", "trống lắc", "phách tre", "mõ gỗ", "trang phục dân tộc", "áo dài", "nón lá", "đèn ông sao",
        "mâm ngũ quả", "bánh chưng", "bánh trung thu", "con giống bột", "rối que", "rối tay", "sân khấu mini",
    ];

    public static readonly string[] Complements =
    [
        "trong giờ chơi", "trong giờ ăn", "ở sân trường", "ngoài trời", "sau bữa trưa", "vào buổi sáng",
        "theo nhóm nhỏ", "một cách tự nhiên", "mà không cần cô nhắc", "cùng cha mẹ", "cùng các bạn", "ở nhà", "ở lớp",
        "lấy trẻ làm trung tâm", "theo nhịp sinh hoạt của từng trẻ", "trong học kỳ I", "trong học kỳ II",
        "suốt năm học", "từ tháng 9", "đến cuối tháng 5", "mỗi ngày", "mỗi tuần hai lần", "theo chủ đề",
        "theo hứng thú của trẻ", "bằng đôi tay của mình", "với sự hỗ trợ của cô", "một cách an toàn", "trong khu phố",
        "tại hành lang", "ở góc lớp", "phù hợp với độ tuổi", "trong không khí vui vẻ",
        "bằng vật liệu sẵn có ở địa phương", "vào cuối tuần", "trước giờ ngủ trưa", "trong buổi đón trẻ",
        "khi trời mưa", "dưới bóng cây", "trong phòng đa năng", "ở thư viện của trường", "qua nhóm Zalo",
        "trong ngày hội của bé", "theo gợi ý của trẻ", "để trẻ tự đặt câu hỏi", "để trẻ được tự quyết định",
    ];

    public static readonly string[] Openers =
    [
        "Sau một thời gian,", "Từ đầu năm học,", "Bên cạnh đó,", "Nhờ vậy,", "Ngoài ra,", "Điều đáng chú ý là",
        "Theo sổ theo dõi của lớp,", "Khi được hỏi,", "Trước đây,", "Hiện nay,", "Ban đầu,", "Cuối cùng,",
        "Qua quan sát,", "Trong tháng đầu,", "Sang học kỳ II,", "Đến cuối năm,", "Thực tế cho thấy",
        "Theo ý kiến của phụ huynh,", "Tổ chuyên môn nhận thấy", "Một điều dễ nhận ra là",
    ];

    public static readonly string[] Outcomes =
    [
        "ăn hết suất", "tự phục vụ", "mạnh dạn giao tiếp", "đi học đều", "tham gia hoạt động", "tự mặc quần áo",
        "biết chờ đến lượt", "nói thành câu trọn vẹn", "tự cất đồ dùng", "đạt chuẩn phát triển", "thích đến trường",
        "kể lại được câu chuyện", "biết rửa tay đúng cách", "hợp tác với bạn",
    ];

    /// <summary>How the teachers quoted in the text felt about what the children did.</summary>
    public static readonly string[] Cheer =
    [
        "rất vui", "tự hào", "ngạc nhiên", "yên tâm hơn", "các con lớn hơn hẳn", "mình cũng học được nhiều điều",
        "lớp học ồn ào hơn nhưng sôi nổi hơn", "không còn phải nhắc nhở nhiều",
    ];

    public static readonly string[] Headings =
    [
        "Vì sao cần đổi mới", "Cách tổ chức", "Chuẩn bị", "Những điều chỉnh cần thiết", "Kết quả sau một năm học",
        "Bài học kinh nghiệm", "Khó khăn ban đầu", "Vai trò của cha mẹ", "Khả năng nhân rộng", "Đề xuất",
    ];

    /// <summary>Opening words of a title of an initiative, an exemplary product or a news article.</summary>
    public static readonly string[] TitleVerbs =
    [
        "Đổi mới", "Xây dựng", "Tổ chức", "Thiết kế", "Nâng cao chất lượng", "Ứng dụng", "Phát triển",
        "Một số biện pháp tổ chức", "Kinh nghiệm tổ chức", "Sáng tạo", "Làm mới", "Cải tiến", "Đưa", "Tận dụng",
        "Kết hợp", "Giúp trẻ làm quen với",
    ];

    public static readonly string[] TitleTails =
    [
        "cho trẻ", "cho trẻ 5–6 tuổi", "ở lớp mẫu giáo nhỡ", "lấy trẻ làm trung tâm", "cùng cha mẹ", "trong trường mầm non",
        "ở nhóm nhà trẻ", "theo hướng mở", "từ vật liệu tái chế", "ngoài trời", "theo chủ đề", "cho trẻ 3–4 tuổi",
        "bằng vật liệu địa phương", "qua trò chơi", "trong giờ đón trẻ",
    ];

    public static readonly string[] NewsVerbs =
    [
        "sơ kết", "tổng kết", "tập huấn", "tổ chức hội thi về", "nhân rộng", "tham quan", "triển khai", "đánh giá",
    ];

    public static readonly string[] AttachmentHeadings =
    [
        "KẾ HOẠCH TỔ CHỨC HOẠT ĐỘNG", "I. Mục tiêu", "II. Chuẩn bị", "III. Tiến hành", "IV. Đánh giá",
        "PHIẾU QUAN SÁT TRẺ", "Họ và tên trẻ", "Lớp", "Ngày quan sát", "Nội dung quan sát", "Nhận xét của giáo viên",
        "BÁO CÁO SÁNG KIẾN", "Mô tả giải pháp", "Hiệu quả đạt được", "Phạm vi áp dụng",
    ];

    /// <summary>Rare words (a small share of items contain one): what people look for by a word seen in a document.</summary>
    public static readonly string[] RareWords =
    [
        "kính lúp", "nam châm", "cầu vồng", "chong chóng", "diều giấy", "con quay", "đồng hồ cát", "bàn cân",
        "nhiệt kế", "ống nhòm", "lăng kính", "con lật đật", "cối xay gió", "thuyền buồm", "máy bơm tay",
        "đèn pin", "bóng bay", "xà phòng", "bong bóng xà phòng", "vỏ ốc biển",
    ];

    public static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    public static readonly string[] MiddleNames = ["Thị", "Thị", "Thị", "Ngọc", "Thanh", "Thu", "Minh", "Hồng", "Kim", "Phương"];
    public static readonly string[] GivenNames =
    [
        "Lan", "Hân", "Dung", "Hương", "Mai", "Hoa", "Thảo", "Trang", "Hằng", "Nga", "Yến", "Loan", "Ngân", "Oanh",
        "Phượng", "Quyên", "Thủy", "Tuyết", "Vân", "Xuân", "Nhung", "Hạnh", "Liên", "Đào", "Huyền",
    ];

    /// <summary>Names a school is often called after.</summary>
    public static readonly string[] SchoolNames =
    [
        "Hoa Sen", "Sơn Ca", "Họa Mi", "Bình Minh", "Hướng Dương", "Tuổi Thơ", "Ánh Dương", "Rạng Đông", "Măng Non",
        "Vành Khuyên", "Sao Mai", "Hoa Mai", "Thỏ Ngọc", "Bé Ngoan", "Hoa Hồng", "Hoa Lan", "Sen Hồng", "Tuổi Hồng",
        "Mai Vàng", "Hoa Phượng", "Trúc Xanh", "Bông Sen", "Ngôi Sao", "Chim Non",
    ];

    /// <summary>District offices: id slug and Vietnamese name (including the real sample districts).</summary>
    public static readonly (string Slug, string Name)[] Districts =
    [
        ("quan-1", "Quận 1"), ("quan-3", "Quận 3"), ("ngo-quyen", "quận Ngô Quyền"), ("luong-son", "huyện Lương Sơn"),
        ("dam-ha", "huyện Đàm Hà"), ("ba-dinh", "quận Ba Đình"), ("hoan-kiem", "quận Hoàn Kiếm"), ("cau-giay", "quận Cầu Giấy"),
        ("hai-chau", "quận Hải Châu"), ("ninh-kieu", "quận Ninh Kiều"), ("le-chan", "quận Lê Chân"), ("ha-long", "TP. Hạ Long"),
        ("mong-cai", "TP. Móng Cái"), ("tan-lac", "huyện Tân Lạc"), ("thu-duc", "TP. Thủ Đức"), ("go-vap", "quận Gò Vấp"),
    ];

    public static readonly (string Id, string Name)[] ModelSiteThemes =
    [
        ("theme-phuong-phap-tien-tien", "ứng dụng phương pháp giáo dục tiên tiến"),
        ("theme-xanh-an-toan-than-thien", "trường mầm non xanh, an toàn, thân thiện"),
        ("theme-chuyen-doi-so", "chuyển đổi số trong quản lý và phối hợp với cha mẹ"),
        ("theme-steam", "giáo dục STEAM"),
        ("theme-moi-truong-hoc-tap", "môi trường học tập lấy trẻ làm trung tâm"),
        ("theme-phoi-hop-cha-me", "phối hợp với cha mẹ trẻ và cộng đồng"),
    ];

    public static readonly (string Id, string Name)[] EventKinds =
    [
        ("event-so-ket", "Sơ kết chuyên đề"), ("event-tong-ket", "Tổng kết chuyên đề"), ("event-tap-huan", "Tập huấn"),
        ("event-hoi-thi", "Hội thi"), ("event-tham-quan", "Tham quan học tập"),
    ];

    public static readonly string[] NewsCategories = ["news-hoat-dong", "news-so-ket-tong-ket", "news-tap-huan", "news-guong-dien-hinh", "news-phu-huynh"];
    public static readonly string[] Criteria = ["crit-1", "crit-2", "crit-3", "crit-4", "crit-5"];
    public static readonly string[] AgeGroups = ["age-nha-tre", "age-3-4", "age-4-5", "age-5-6"];
    public static readonly string[] DevelopmentAreas = ["area-the-chat", "area-nhan-thuc", "area-ngon-ngu", "area-tinh-cam-xa-hoi", "area-tham-my"];
    public static readonly string[] Levels = ["level-truong", "level-quan-huyen", "level-tinh-thanh"];
    public static readonly string[] ResourceKinds = ["kind-van-ban", "kind-ke-hoach", "kind-giao-an", "kind-hinh-anh", "kind-video", "kind-bai-trinh-chieu", "kind-bo-cong-cu"];

    /// <summary>Names of the taxonomy terms (as in recipes/chuyende.recipe.json); school years are named from their id.</summary>
    public static readonly IReadOnlyDictionary<string, string> TermNames = new Dictionary<string, string>
    {
        ["crit-1"] = "Xây dựng kế hoạch giáo dục theo quan điểm lấy trẻ làm trung tâm",
        ["crit-2"] = "Xây dựng môi trường vật chất, môi trường xã hội trong và ngoài lớp học",
        ["crit-3"] = "Tổ chức các hoạt động giáo dục tăng cường tính chủ động, tích cực của trẻ",
        ["crit-4"] = "Đánh giá sự tiến bộ của từng trẻ",
        ["crit-5"] = "Phối hợp giữa nhà trường, cha mẹ trẻ và cộng đồng",
        ["age-nha-tre"] = "Nhà trẻ (dưới 3 tuổi)",
        ["age-3-4"] = "Mẫu giáo bé (3–4 tuổi)",
        ["age-4-5"] = "Mẫu giáo nhỡ (4–5 tuổi)",
        ["age-5-6"] = "Mẫu giáo lớn (5–6 tuổi)",
        ["area-the-chat"] = "Thể chất",
        ["area-nhan-thuc"] = "Nhận thức",
        ["area-ngon-ngu"] = "Ngôn ngữ",
        ["area-tinh-cam-xa-hoi"] = "Tình cảm – kỹ năng xã hội",
        ["area-tham-my"] = "Thẩm mỹ",
        ["level-truong"] = "Cấp trường",
        ["level-quan-huyen"] = "Cấp quận/huyện",
        ["level-tinh-thanh"] = "Cấp tỉnh/thành phố",
        ["theme-phuong-phap-tien-tien"] = "Ứng dụng phương pháp giáo dục mầm non tiên tiến",
        ["theme-xanh-an-toan-than-thien"] = "Trường mầm non xanh – an toàn – thân thiện",
        ["theme-chuyen-doi-so"] = "Chuyển đổi số trong giáo dục mầm non",
        ["theme-steam"] = "Giáo dục STEAM",
        ["theme-moi-truong-hoc-tap"] = "Xây dựng môi trường học tập lấy trẻ làm trung tâm",
        ["theme-phoi-hop-cha-me"] = "Phối hợp với cha mẹ trẻ và cộng đồng",
        ["kind-van-ban"] = "Văn bản sáng kiến",
        ["kind-ke-hoach"] = "Kế hoạch giáo dục",
        ["kind-giao-an"] = "Giáo án/kế hoạch hoạt động",
        ["kind-hinh-anh"] = "Hình ảnh",
        ["kind-video"] = "Video",
        ["kind-bai-trinh-chieu"] = "Bài trình chiếu",
        ["kind-bo-cong-cu"] = "Bộ công cụ đánh giá",
    };

    public static string TermName(string id) =>
        TermNames.TryGetValue(id, out var name) ? name
        : id.StartsWith("sy-", StringComparison.Ordinal) ? "Năm học " + id[3..].Replace('-', '–') : id;
}
