/** A small question bank for the demonstration province: four topics of the summer political training. */
import type { Difficulty, ParsedQuestion } from '../question-bank/types.ts';

type Q = [stem: string, options: string[], correct: number, difficulty: Difficulty, pinnedLast?: boolean];

const ALL = 'Tất cả các phương án trên';

export const DEMO_TOPICS: { name: string; questions: Q[] }[] = [
  {
    name: 'Văn kiện Đại hội đại biểu toàn quốc lần thứ XIII của Đảng',
    questions: [
      ['Đại hội đại biểu toàn quốc lần thứ XIII của Đảng diễn ra vào năm nào?', ['2016', '2020', '2021', '2026'], 2, 'recognition'],
      [
        'Đại hội XIII xác định mục tiêu đến năm 2045 nước ta trở thành:',
        [
          'Nước đang phát triển, có công nghiệp hiện đại, thu nhập trung bình cao',
          'Nước phát triển, thu nhập cao',
          'Nước công nghiệp theo hướng hiện đại',
          'Nước có thu nhập trung bình thấp',
        ],
        1,
        'recognition',
      ],
      ['Đại hội XIII xác định bao nhiêu đột phá chiến lược?', ['2', '3', '4', '5'], 1, 'recognition'],
      ['Đại hội XIII xác định bao nhiêu nhiệm vụ trọng tâm trong nhiệm kỳ?', ['4', '5', '6', '7'], 2, 'recognition'],
      [
        'Theo Văn kiện Đại hội XIII, nhiệm vụ nào là then chốt?',
        ['Phát triển kinh tế – xã hội', 'Xây dựng Đảng', 'Phát triển văn hóa', 'Bảo đảm quốc phòng, an ninh'],
        1,
        'comprehension',
      ],
      [
        'Theo Văn kiện Đại hội XIII, nhiệm vụ nào là trung tâm?',
        ['Phát triển kinh tế – xã hội', 'Xây dựng Đảng', 'Phát triển văn hóa', 'Bảo đảm quốc phòng, an ninh'],
        0,
        'comprehension',
      ],
      [
        'Văn kiện Đại hội XIII xác định văn hóa là:',
        ['Mục tiêu duy nhất của phát triển', 'Nền tảng tinh thần của xã hội', 'Nhiệm vụ then chốt', 'Yếu tố thứ yếu'],
        1,
        'comprehension',
      ],
      ['Đại hội XIII diễn ra tại địa điểm nào?', ['Hà Nội', 'Thành phố Hồ Chí Minh', 'Đà Nẵng', 'Huế'], 0, 'recognition'],
    ],
  },
  {
    name: 'Nghị quyết 29-NQ/TW về đổi mới căn bản, toàn diện giáo dục và đào tạo',
    questions: [
      [
        'Nghị quyết số 29-NQ/TW về đổi mới căn bản, toàn diện giáo dục và đào tạo được ban hành năm nào?',
        ['2011', '2013', '2015', '2018'],
        1,
        'recognition',
      ],
      [
        'Nghị quyết 29-NQ/TW được ban hành tại Hội nghị Trung ương nào?',
        [
          'Hội nghị Trung ương 6 khóa XI',
          'Hội nghị Trung ương 8 khóa XI',
          'Hội nghị Trung ương 4 khóa XII',
          'Hội nghị Trung ương 2 khóa VIII',
        ],
        1,
        'recognition',
      ],
      [
        'Theo Nghị quyết 29-NQ/TW, giáo dục và đào tạo là:',
        ['Quốc sách hàng đầu', 'Nhiệm vụ riêng của ngành giáo dục', 'Lĩnh vực dịch vụ thuần túy', 'Nhiệm vụ thứ yếu'],
        0,
        'recognition',
      ],
      [
        'Theo Nghị quyết 29-NQ/TW, đầu tư cho giáo dục là:',
        ['Chi tiêu phúc lợi', 'Đầu tư phát triển', 'Khoản chi không hoàn lại', 'Trách nhiệm riêng của gia đình'],
        1,
        'comprehension',
      ],
      [
        'Nghị quyết 29-NQ/TW chủ trương chuyển quá trình giáo dục từ chủ yếu trang bị kiến thức sang:',
        [
          'Tăng số môn học',
          'Phát triển toàn diện năng lực và phẩm chất người học',
          'Tăng thời lượng thi cử',
          'Giảm vai trò của nhà trường',
        ],
        1,
        'comprehension',
      ],
      [
        'Đổi mới căn bản, toàn diện giáo dục và đào tạo theo Nghị quyết 29-NQ/TW là đổi mới những vấn đề:',
        ['Lớn, cốt lõi, cấp thiết', 'Chỉ về cơ sở vật chất', 'Chỉ về sách giáo khoa', 'Chỉ về thi cử'],
        0,
        'comprehension',
      ],
      ['Luật Giáo dục hiện hành được Quốc hội thông qua năm nào?', ['2005', '2009', '2019', '2023'], 2, 'recognition'],
      [
        'Chương trình giáo dục phổ thông 2018 được ban hành kèm theo văn bản nào?',
        ['Thông tư số 32/2018/TT-BGDĐT', 'Nghị định số 24/2018/NĐ-CP', 'Quyết định số 1/2018/QĐ-TTg', 'Chỉ thị số 5/2018/CT-BGDĐT'],
        0,
        'application',
      ],
    ],
  },
  {
    name: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
    questions: [
      [
        'Chỉ thị số 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh được ban hành năm nào?',
        ['2011', '2016', '2019', '2021'],
        1,
        'recognition',
      ],
      ['Chủ tịch Hồ Chí Minh sinh năm nào?', ['1885', '1890', '1895', '1911'], 1, 'recognition'],
      [
        '"Vì lợi ích mười năm thì phải trồng cây, vì lợi ích trăm năm thì phải trồng người" là câu nói của ai?',
        ['Chủ tịch Hồ Chí Minh', 'Thủ tướng Phạm Văn Đồng', 'Đại tướng Võ Nguyên Giáp', 'Nhà giáo Chu Văn An'],
        0,
        'recognition',
      ],
      [
        'Chủ tịch Hồ Chí Minh đọc Tuyên ngôn Độc lập khai sinh nước Việt Nam Dân chủ Cộng hòa vào ngày nào?',
        ['19/8/1945', '2/9/1945', '6/1/1946', '19/12/1946'],
        1,
        'recognition',
      ],
      ['Chủ tịch Hồ Chí Minh bắt đầu viết bản Di chúc vào năm nào?', ['1960', '1965', '1968', '1969'], 1, 'comprehension'],
      [
        'Theo Chủ tịch Hồ Chí Minh, phẩm chất đạo đức cách mạng cốt lõi của người cán bộ là:',
        ['Cần, kiệm, liêm, chính, chí công vô tư', 'Giỏi chuyên môn là đủ', 'Trung thành với cấp trên', ALL],
        0,
        'comprehension',
        true,
      ],
      ['Ngày Nhà giáo Việt Nam là ngày nào?', ['20/10', '20/11', '22/12', '15/5'], 1, 'recognition'],
      [
        'Việc học tập và làm theo Bác của nhà giáo được thể hiện rõ nhất qua:',
        [
          'Chỉ tổ chức các buổi nói chuyện chuyên đề',
          'Gương mẫu, tận tụy, thương yêu học sinh trong công việc hằng ngày',
          'Treo ảnh Bác tại lớp học',
          'Chép lại các bài viết của Bác',
        ],
        1,
        'application',
      ],
    ],
  },
  {
    name: 'Chính quyền địa phương hai cấp và quản lý giáo dục từ năm 2025',
    questions: [
      ['Từ ngày 01/7/2025, cả nước có bao nhiêu tỉnh, thành phố trực thuộc Trung ương?', ['28', '34', '48', '63'], 1, 'recognition'],
      ['Từ ngày 01/7/2025, chính quyền địa phương được tổ chức thành mấy cấp?', ['1', '2', '3', '4'], 1, 'recognition'],
      [
        'Từ ngày 01/7/2025, đơn vị hành chính cấp huyện:',
        ['Tiếp tục hoạt động như cũ', 'Kết thúc hoạt động', 'Chuyển thành cấp tỉnh', 'Chỉ còn ở miền núi'],
        1,
        'recognition',
      ],
      [
        'Sau khi sắp xếp, trường trung học phổ thông do cơ quan nào quản lý?',
        ['Ủy ban nhân dân cấp xã', 'Sở Giáo dục và Đào tạo', 'Phòng Giáo dục và Đào tạo', 'Bộ Giáo dục và Đào tạo'],
        1,
        'comprehension',
      ],
      [
        'Sau khi sắp xếp, trường tiểu học và trung học cơ sở thuộc quản lý của:',
        ['Ủy ban nhân dân cấp xã, phường', 'Sở Giáo dục và Đào tạo', 'Phòng Giáo dục và Đào tạo cấp huyện', 'Bộ Giáo dục và Đào tạo'],
        0,
        'comprehension',
      ],
      [
        'Một giáo viên chuyển công tác giữa hai xã sau khi sắp xếp cần cập nhật thông tin ở đâu trên hệ thống?',
        ['Không cần cập nhật', 'Đơn vị công tác mới trong danh sách nhân sự', 'Chỉ báo cáo bằng miệng', ALL],
        1,
        'application',
        true,
      ],
    ],
  },
];

/** The demo bank as parsed questions, ready for the ordinary import. */
export function demoQuestions(): ParsedQuestion[] {
  let number = 0;
  return DEMO_TOPICS.flatMap((topic) =>
    topic.questions.map(([stem, options, correct, difficulty, pinnedLast]) => {
      number += 1;
      return {
        number,
        line: number,
        stem,
        topic: topic.name,
        difficulty,
        images: [],
        options: options.map((text, i) => ({
          letter: 'ABCDEFGH'[i],
          text,
          correct: i === correct,
          pinned: Boolean(pinnedLast) && i === options.length - 1,
          images: [],
        })),
      };
    }),
  );
}
